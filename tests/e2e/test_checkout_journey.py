"""Buying, in a real browser: a guest puts a combo and a product in the cart, checks out with
a ward address and a gift message, pays on delivery, sees the confirmation and finds the
order again by number and e-mail; a second guest sends it to someone else, pays by bank
transfer and sees the QR code."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DemoFacts, save_full_page

pytestmark = pytest.mark.e2e

GIFT_MESSAGE = "Chúc ba mẹ năm mới an khang!"


def _add_combo_and_rice(page: Page, demo: DemoFacts) -> None:
    page.goto("/combos/?lang=en")
    page.locator(".combo-card a").first.click()
    page.get_by_role("button", name="Add to cart").click()
    expect(page.locator("#add-to-cart-status")).to_contain_text("Added to your cart.")
    expect(page.locator("#cart-link .cart-link__count")).to_contain_text("1")
    page.goto(f"/catalog/products/{demo.rice_slug}")
    page.get_by_label("Quantity").fill("2")
    page.get_by_role("button", name="Add to cart").click()
    expect(page.locator("#cart-link .cart-link__count")).to_contain_text("3")


def _fill_details(page: Page, *, email: str, payment: str, screenshot: Path | None = None) -> None:
    page.goto("/cart")
    page.get_by_role("link", name="Check out").click()
    page.get_by_label("Your name").fill("Nguyễn Văn An")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Phone", exact=True).fill("0912 345 678")
    page.get_by_label("Province or city").select_option(label="Thành phố Cần Thơ")
    expect(page.locator("#ward option")).not_to_have_count(1)  # the wards arrived
    page.get_by_label("Ward or commune").select_option(label="Phường Ninh Kiều")
    page.get_by_label("House number and street").fill("12 Đường 30/4")
    page.get_by_label("Gift message (optional)").fill(GIFT_MESSAGE)
    page.get_by_label(payment).check()
    recipient = page.get_by_label("Recipient's name")
    expect(recipient).to_be_hidden()
    if screenshot:
        page.get_by_label("Deliver to someone else").check()
        expect(recipient).to_be_visible()
        recipient.fill("Trần Thị Bình")
        page.get_by_label("Recipient's phone").fill("0987 654 321")
        save_full_page(page, screenshot)
    page.get_by_role("button", name="Continue to review").click()
    expect(page.get_by_role("heading", name="Review your order")).to_be_visible()


def test_a_guest_buys_a_combo_and_rice_paying_on_delivery(
    page: Page, demo: DemoFacts, screenshots: Path
) -> None:
    _add_combo_and_rice(page, demo)
    save_full_page(page, screenshots / "product-added-en.png")
    page.goto("/cart")
    save_full_page(page, screenshots / "cart-en.png")
    _fill_details(page, email="an.cod@example.vn", payment="Cash on delivery")
    expect(page.get_by_text("Phường Ninh Kiều, Thành phố Cần Thơ")).to_be_visible()
    save_full_page(page, screenshots / "checkout-review-en.png")

    page.get_by_role("button", name=re.compile("Place order")).click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"Order OCOP-\d{2}-\d{6}"))
    number = heading.inner_text().removeprefix("Order ").strip()
    expect(page.get_by_text("Confirmed: pay on delivery")).to_be_visible()
    expect(page.locator(".gift-message")).to_have_text(GIFT_MESSAGE)
    expect(page.locator("#cart-link .cart-link__count")).to_contain_text("0")
    save_full_page(page, screenshots / "order-cod-en.png")

    fresh = page.context.browser.new_page(base_url=page.url.split("/orders")[0])
    fresh.goto("/orders/lookup?lang=en")
    fresh.get_by_label("Order number").fill(number)
    fresh.get_by_label("E-mail address").fill("An.Cod@example.vn")
    fresh.get_by_role("button", name="Find my order").click()
    expect(fresh.get_by_role("heading", level=1)).to_have_text(f"Order {number}")
    fresh.close()


def test_a_guest_pays_by_bank_transfer_and_sees_the_vietqr_code(
    page: Page, demo: DemoFacts, screenshots: Path
) -> None:
    _add_combo_and_rice(page, demo)
    _fill_details(
        page,
        email="an.bank@example.vn",
        payment="Bank transfer (VietQR)",
        screenshot=screenshots / "checkout-details-en.png",
    )
    expect(page.get_by_text("Trần Thị Bình")).to_be_visible()  # the gift's recipient

    page.get_by_role("button", name=re.compile("Place order")).click()

    expect(page.get_by_text("Awaiting your bank transfer")).to_be_visible()
    expect(page.locator("svg.vietqr")).to_be_visible()
    number = page.get_by_role("heading", level=1).inner_text().removeprefix("Order ").strip()
    expect(page.locator(".transfer__details")).to_contain_text(number)
    save_full_page(page, screenshots / "order-bank-transfer-en.png")
