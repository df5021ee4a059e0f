"""An order from two producers, in a real browser: a guest buys a product of each and pays
on delivery; each producer packs and ships its own parcel in its portal; the guest sees
both tracking numbers and the order shipped, then delivered once both parcels arrive."""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.checkout import check_out
from tests.e2e.conftest import LiveServer, save_full_page

pytestmark = pytest.mark.e2e

PASSWORD = "một mật khẩu đủ dài 2026"


@dataclass(frozen=True)
class Seller:
    """A product on sale and a member of its producer who can sign in."""

    slug: str
    producer: str
    email: str


@pytest.fixture(scope="module")
def sellers(live_server: LiveServer) -> list[Seller]:
    """Two buyable products of two different producers in the seeded store, and a member
    account for each producer."""
    from sqlalchemy import select

    from storefront import create_app
    from storefront.accounts.models import Role, User
    from storefront.accounts.passwords import hash_password
    from storefront.catalog.detail import find_public_product
    from storefront.catalog.models import Product
    from storefront.catalog.pricing import offer_for
    from storefront.clock import today_in_vietnam
    from storefront.extensions import db

    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": live_server.database_url})
    with app.app_context():
        found: dict[int, Seller] = {}
        for product in db.session.scalars(select(Product).order_by(Product.id)):
            public = find_public_product(product.slug)
            if public is None or product.producer_id in found or product.stock < 5:
                continue
            if offer_for(public, today=today_in_vietnam()).unavailable is not None:
                continue
            email = f"kho-{product.producer_id}@example.vn"
            db.session.add(
                User(
                    email=email,
                    name=f"Kho {product.producer.name}",
                    password_hash=hash_password(PASSWORD),
                    role=Role.PRODUCER,
                    producer_id=product.producer_id,
                )
            )
            found[product.producer_id] = Seller(product.slug, product.producer.name, email)
            if len(found) == 2:
                break
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    assert len(found) == 2, "the seed needs buyable products of two producers"
    return list(found.values())


def _sign_in(page: Page, email: str) -> None:
    page.goto("/account/sign-in?lang=en")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/account/sign-in"))


def _buy_from_both(page: Page, sellers: list[Seller]) -> str:
    """The guest's order number, paid on delivery."""
    for seller in sellers:
        page.goto(f"/catalog/products/{seller.slug}?lang=en")
        page.get_by_role("button", name="Add to cart").click()
        expect(page.locator("#add-to-cart-status")).to_contain_text("Added to your cart.")
    check_out(page, email="cuc@example.vn", payment="Cash on delivery")
    page.get_by_role("button", name=re.compile("Place order")).click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"Order OCOP-\d{2}-\d{6}"))
    return heading.inner_text().removeprefix("Order ").strip()


def _portal(browser: Browser, live_server: LiveServer, seller: Seller) -> Page:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="en-US"
    )
    page = context.new_page()
    _sign_in(page, seller.email)
    return page


def _open_part(portal: Page, number: str) -> None:
    portal.goto("/producer/orders")
    portal.get_by_role("link", name=number, exact=True).click()
    expect(portal.get_by_role("heading", level=1)).to_contain_text(number)


def test_two_producers_ship_their_parcels_and_the_shopper_follows_both(
    page: Page, browser: Browser, live_server: LiveServer, sellers, screenshots: Path
) -> None:
    number = _buy_from_both(page, sellers)
    order_page = page.url
    portals = [_portal(browser, live_server, seller) for seller in sellers]

    for index, portal in enumerate(portals):
        _open_part(portal, number)
        other = sellers[1 - index].producer
        expect(portal.get_by_text(other)).to_have_count(0)  # never another producer's part
        portal.get_by_role("button", name="Mark packed").click()
        expect(portal.get_by_role("button", name="Mark shipped")).to_be_visible()
        portal.get_by_role("combobox", name="Carrier").fill("GHN" if index == 0 else "Viettel Post")
        portal.get_by_label("Tracking number").fill(f"TRK{index}-{number[-6:]}")
        if index == 0:
            save_full_page(portal, screenshots / "portal-ship-en.png")
        portal.get_by_role("button", name="Mark shipped").click()
        expect(portal.get_by_role("button", name="Mark delivered")).to_be_visible()

    page.goto(order_page)
    for index in range(2):
        expect(page.get_by_text(f"TRK{index}-{number[-6:]}").first).to_be_visible()
    expect(page.locator(".order-page__head .order-status")).to_have_text("Shipped")
    save_full_page(page, screenshots / "order-shipped-en.png")

    for portal in portals:
        _open_part(portal, number)
        portal.get_by_role("button", name="Mark delivered").click()
        expect(portal.get_by_role("button", name="Mark delivered")).to_have_count(0)
        portal.context.close()

    page.reload()
    expect(page.locator(".order-page__head .order-status")).to_have_text("Delivered")
    expect(page.get_by_text("Delivered on")).to_have_count(2)
