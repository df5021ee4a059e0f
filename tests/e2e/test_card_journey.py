"""Paying by card, in a real browser, through the fake Stripe's hosted page: a guest pays
and comes back to a paid order; another leaves the page, is offered to pay again, and once
the session expires finds the order cancelled and its stock back on the shelf."""

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.checkout import check_out
from tests.e2e.conftest import DemoFacts, LiveServer, save_full_page
from tests.fake_stripe import FakeStripe

pytestmark = pytest.mark.e2e

CARD = "Card (Visa, Mastercard, JCB)"


def _check_out_by_card(page: Page, *, email: str) -> str:
    """From the cart to Stripe's page; returns the Checkout Session's id from its address."""
    check_out(page, email=email, payment=CARD)
    expect(page.get_by_text(CARD)).to_be_visible()

    page.get_by_role("button", name=re.compile("^Place order")).click()

    expect(page).to_have_title(re.compile("fake Stripe"))
    return page.url.rsplit("/pay/", 1)[1]


def _stock(page: Page, slug: str) -> int:
    """The count the product page gives ("In stock: 1,234")."""
    page.goto(f"/catalog/products/{slug}")
    wording = page.locator(".availability--in").inner_text()
    found = re.search(r"In stock: ([\d.,]+)", wording)
    assert found, f"no stock count in {wording!r}"
    return int(re.sub(r"\D", "", found.group(1)))


def _order_row(live_server: LiveServer, number: str) -> sqlite3.Row:
    path = live_server.database_url.removeprefix("sqlite:///")
    with closing(sqlite3.connect(path)) as database:
        database.row_factory = sqlite3.Row
        return database.execute(
            "SELECT o.status, o.total_vnd, o.paid_at, p.amount_vnd, p.late"
            " FROM orders o LEFT JOIN card_payments p ON p.order_id = o.id"
            " WHERE o.number = ?",
            (number,),
        ).fetchone()


def test_a_guest_pays_by_card_on_stripes_page_and_comes_back_to_a_paid_order(
    page: Page,
    demo: DemoFacts,
    fake_stripe: FakeStripe,
    live_server: LiveServer,
    screenshots: Path,
) -> None:
    page.goto("/combos/?lang=en")
    page.locator(".combo-card a").first.click()
    page.get_by_role("button", name="Add to cart").click()
    expect(page.locator("#cart-link .cart-link__count")).to_contain_text("1")
    page.goto(f"/catalog/products/{demo.rice_slug}")
    page.get_by_role("button", name="Add to cart").click()
    expect(page.locator("#cart-link .cart-link__count")).to_contain_text("2")

    session_id = _check_out_by_card(page, email="cuc.card@example.vn")

    session = fake_stripe.sessions[session_id]
    assert (session["currency"], session["mode"]) == ("vnd", "payment")
    expect(page.get_by_role("table", name="Items")).to_contain_text(demo.rice_names["en"])
    save_full_page(page, screenshots / "card-stripe-page-en.png")

    page.get_by_role("button", name="Pay", exact=True).click()

    expect(page.get_by_text("Payment received")).to_be_visible()
    expect(page.locator(".order-status")).to_have_text("Paid")
    expect(page.get_by_role("heading", name="Card payment")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Pay by card"))).to_have_count(0)
    expect(page.locator("#cart-link .cart-link__count")).to_contain_text("0")
    save_full_page(page, screenshots / "order-card-paid-en.png")
    number = page.get_by_role("heading", level=1).inner_text().removeprefix("Order ").strip()
    order = _order_row(live_server, number)
    assert order["status"] == "paid" and order["paid_at"] is not None
    assert (order["amount_vnd"], order["late"]) == (session["amount_total"], 0)
    assert order["total_vnd"] == session["amount_total"]


def test_a_guest_who_leaves_stripes_page_gets_the_stock_back_when_the_session_expires(
    page: Page, demo: DemoFacts, fake_stripe: FakeStripe, screenshots: Path
) -> None:
    page.goto("/?lang=en")
    before = _stock(page, demo.rice_slug)
    page.get_by_label("Quantity").fill("2")
    page.get_by_role("button", name="Add to cart").click()
    expect(page.locator("#cart-link .cart-link__count")).to_contain_text("2")
    session_id = _check_out_by_card(page, email="cuc.left@example.vn")

    page.get_by_role("button", name="Cancel").click()

    expect(page.get_by_text("You left the payment page before paying")).to_be_visible()
    expect(page.locator(".order-status")).to_have_text("Awaiting your card payment")
    expect(page.get_by_role("button", name=re.compile("^Pay by card"))).to_be_visible()
    save_full_page(page, screenshots / "order-card-left-en.png")
    order_page = page.url
    assert _stock(page, demo.rice_slug) == before - 2  # kept for the buyer meanwhile

    fake_stripe.expire(session_id)  # delivers checkout.session.expired to the webhook
    page.goto(order_page)

    expect(page.locator(".order-status")).to_have_text("Cancelled")
    expect(page.get_by_role("button", name=re.compile("^Pay by card"))).to_have_count(0)
    save_full_page(page, screenshots / "order-card-expired-en.png")
    assert _stock(page, demo.rice_slug) == before
