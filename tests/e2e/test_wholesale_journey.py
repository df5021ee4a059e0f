"""A tourism shop's first wholesale order, in a real browser: a visitor signs up and applies
for a shop account; staff approve it and grant 30-day terms with a credit limit; the shop
uploads a CSV of item codes and quantities, sees each line's outcome, checks out paying by
invoice (its tier price, its VAT details), and downloads the invoice."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import LiveServer, save_full_page

pytestmark = pytest.mark.e2e

PASSWORD = "một mật khẩu đủ dài 2026"
STAFF_EMAIL = "si@ocop.vn"


@pytest.fixture(scope="module")
def wholesale_item(live_server: LiveServer) -> tuple[str, int]:
    """A buyable product of the seeded store with stock for a shop's order, given wholesale
    tiers by its producer; its SKU and its price from 20 units."""
    from sqlalchemy import select

    from storefront import create_app
    from storefront.catalog.detail import find_public_product
    from storefront.catalog.models import Product
    from storefront.catalog.pricing import Tier, offer_for
    from storefront.clock import today_in_vietnam
    from storefront.extensions import db
    from storefront.wholesale.skus import sku_of
    from storefront.wholesale.tiers import save_terms

    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": live_server.database_url})
    with app.app_context():
        for product in db.session.scalars(select(Product).order_by(Product.stock.desc())):
            public = find_public_product(product.slug)
            if public is None or offer_for(public, today=today_in_vietnam()).unavailable:
                continue
            product.stock = max(product.stock, 200)
            retail = product.price_vnd
            tier = retail * 80 // 100
            save_terms(
                product,
                retail_vnd=retail,
                min_quantity=10,
                tiers=[Tier(20, retail * 90 // 100), Tier(50, tier)],
            )
            db.session.commit()
            return sku_of(product), retail * 90 // 100
    raise AssertionError("no buyable product in the demo store")


def _sign_in(page: Page, email: str) -> None:
    page.goto("/account/sign-in")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).not_to_have_url("**/account/sign-in**")


def test_a_shop_applies_is_granted_terms_uploads_a_csv_and_pays_by_invoice(
    page: Page,
    browser: Browser,
    live_server: LiveServer,
    wholesale_item: tuple[str, int],
    screenshots: Path,
    tmp_path: Path,
):
    sku, price_at_20 = wholesale_item
    page.context.add_cookies([{"name": "lang", "value": "en", "url": live_server.url}])
    # A visitor (reading English) signs up and applies for a shop account.
    page.goto("/account/sign-up")
    page.fill("input[name=name]", "Phạm Thu Hà")
    page.fill("input[name=email]", "ha@quaque.vn")
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=confirm]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.goto("/wholesale/apply")
    page.get_by_label("Business name").fill("Công ty TNHH Quà Quê Hậu Giang")
    page.get_by_label("Kind of business").select_option("souvenir_shop")
    page.get_by_label("Tax code (MST)").fill("6300123456")
    page.get_by_label("Province or city").select_option(label="Thành phố Cần Thơ")
    expect(page.locator("#ward option")).not_to_have_count(1)
    page.get_by_label("Ward or commune").select_option(label="Phường Vị Thanh")
    page.get_by_label("Street address").fill("5 Hai Bà Trưng")
    page.get_by_label("Contact person").fill("Phạm Thu Hà")
    page.get_by_label("Contact phone").fill("0912 345 678")
    page.get_by_role("button", name="Send the application").click()
    expect(page.get_by_text("Công ty TNHH Quà Quê Hậu Giang").first).to_be_visible()

    # Staff approve it and grant 30-day terms with a credit limit of 100.000.000 ₫.
    live_server.flask(["create-staff", STAFF_EMAIL, "--password-stdin"], stdin=PASSWORD + "\n")
    staff = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    staff.context.add_cookies([{"name": "lang", "value": "en", "url": live_server.url}])
    _sign_in(staff, STAFF_EMAIL)
    staff.goto("/staff/shops")
    shop = staff.locator("article.application", has_text="Công ty TNHH Quà Quê Hậu Giang")
    shop.get_by_role("button", name="Approve").click()
    shop = staff.locator("article.application", has_text="Công ty TNHH Quà Quê Hậu Giang")
    shop.get_by_label("Payment terms").select_option("30")
    shop.get_by_label("Credit limit").fill("100000000")
    shop.get_by_role("button", name="Save the terms").click()
    expect(staff.get_by_text("Invoices due 30 days after the order").first).to_be_visible()
    save_full_page(staff, screenshots / "wholesale-staff-shops.png")

    # The shop uploads a CSV: one good line, one unknown code, one malformed.
    csv = tmp_path / "order.csv"
    csv.write_text(f"sku,quantity\n{sku},20\nP99999,5\n{sku},many\n", encoding="utf-8")
    page.goto("/wholesale/quick-order")
    page.locator("input[type=file]").set_input_files(csv)
    page.locator("form:has(input[type=file]) button[type=submit]").click()
    report = page.locator("table", has_text="P99999")
    expect(report).to_be_visible()
    expect(report.locator("tr", has_text="P99999")).to_contain_text("nknown")
    save_full_page(page, screenshots / "wholesale-csv-report.png")

    # Checkout by invoice: the VAT details and address come from the shop, the tier price
    # applies.
    page.goto("/cart")
    expect(page.locator("main")).to_contain_text(f"{price_at_20:,}".replace(",", "."))
    page.get_by_role("link", name="Check out").click()
    expect(page.get_by_label("Company name on the VAT invoice")).to_have_value(
        "Công ty TNHH Quà Quê Hậu Giang"
    )
    # The goods go to the shop's registered address unless the member changes it.
    expect(page.get_by_label("House number and street")).to_have_value("5 Hai Bà Trưng")
    expect(page.get_by_label("Phone", exact=True)).to_have_value("0912 345 678")
    page.get_by_label("Invoice: pay by bank transfer within 30 days").check()
    page.get_by_role("button", name="Continue to review").click()
    expect(page.get_by_role("heading", name="Review your order")).to_be_visible()
    page.get_by_role("button", name="Place order").click()
    expect(page.get_by_role("heading", name="Invoice", exact=True)).to_be_visible()
    save_full_page(page, screenshots / "wholesale-order.png")

    # The invoice, as a file.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download invoice").click()
    download = download_info.value
    assert download.suggested_filename.endswith("-invoice.html")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "Công ty TNHH Quà Quê Hậu Giang" in text and "6300123456" in text
    assert f"{price_at_20:,}".replace(",", ".") in text
