"""The producer's road into the shop, in a real browser: apply, be approved by staff, add a
product with a picture and a certificate, have the certificate verified, and be listed."""

import io
from datetime import timedelta

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from storefront.clock import today_in_vietnam

pytestmark = pytest.mark.e2e

PASSWORD = "một mật khẩu đủ dài 2026"
STAFF_EMAIL = "can-bo@ocop.example.vn"
PRODUCT = "Mứt khóm Hiệp Hưng"


def _png(color: tuple[int, int, int]) -> dict:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), color).save(buffer, "PNG")
    return {"name": "photo.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def _sign_in(page: Page, email: str) -> None:
    page.goto("/account/sign-in")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).not_to_have_url("**/account/sign-in**")


def _staff_page(browser: Browser, live_server) -> Page:
    live_server.flask(["create-staff", STAFF_EMAIL, "--password-stdin"], stdin=PASSWORD + "\n")
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    page = context.new_page()
    _sign_in(page, STAFF_EMAIL)
    return page


def test_a_producer_applies_is_approved_lists_a_product_and_it_reaches_the_shop(
    page: Page, browser: Browser, live_server
):
    # A visitor signs up and applies to become a producer.
    page.goto("/account/sign-up")
    page.fill("input[name=name]", "Trần Văn Hưng")
    page.fill("input[name=email]", "hung@example.vn")
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=confirm]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.goto("/producer/apply")
    page.fill("input[name=name]", "Cơ sở Mứt khóm Hiệp Hưng")
    page.select_option("select[name=kind]", "household")
    page.fill("input[name=tax_code]", "6300123456")
    page.select_option("select[name=province]", "92")
    expect(page.locator("select[name=ward] option[value='31396']")).to_have_count(1)
    page.select_option("select[name=ward]", "31396")
    page.fill("input[name=address]", "Ấp Hiệp Lợi")
    page.fill("input[name=phone]", "0912 345 678")
    page.fill("textarea[name=story]", "Mứt khóm làm tay từ khóm Cầu Đúc.")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("main")).to_contain_text("Cơ sở Mứt khóm Hiệp Hưng")

    # Staff approve the application.
    staff = _staff_page(browser, live_server)
    staff.goto("/staff/producers/applications")
    application = (
        staff.locator("main")
        .locator("article, li, tr, section")
        .filter(has_text="Cơ sở Mứt khóm Hiệp Hưng")
        .last
    )
    application.locator("form[action$='/approve'] button[type=submit]").click()
    expect(staff.locator("main")).not_to_contain_text("6300123456")

    # The producer adds a product with a picture, publishes it and submits a certificate.
    page.goto("/producer/products/new")
    if "/account/sign-in" in page.url:
        _sign_in(page, "hung@example.vn")
        page.goto("/producer/products/new")
    page.fill("input[name=name]", PRODUCT)
    page.select_option("select[name=category]", index=1)
    page.fill("input[name=unit]", "hũ 300 g")
    page.fill("input[name=price_vnd]", "65000")
    page.fill("input[name=weight_grams]", "350")
    page.fill("input[name=opening_stock]", "40")
    page.fill("textarea[name=description]", "Mứt khóm dẻo, ít đường.")
    page.locator("main form button[type=submit]").last.click()
    page.set_input_files("input[name=picture]", _png((214, 160, 40)))
    page.locator("form[action$='/images'] button[type=submit]").click()
    expect(page.locator("main img[src*='/media/products/']").first).to_be_visible()
    page.locator("form[action$='/publish'] button[type=submit]").click()

    page.goto("/producer/certificates/new")
    page.select_option("select[name=product]", label=PRODUCT)
    page.select_option("select[name=stars]", "4")
    page.fill("input[name=decision_number]", "2468/QĐ-UBND")
    page.select_option("select[name=issuing_body]", "provincial")
    page.fill("input[name=issued_on]", (today_in_vietnam() - timedelta(days=20)).isoformat())
    page.set_input_files("input[name=scan]", _png((250, 250, 250)))
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("main")).to_contain_text("2468/QĐ-UBND")

    # Not in the shop until staff verify the certificate.
    page.goto("/catalog/?q=mut+khom+hiep+hung")
    expect(page.locator("article.product-card")).to_have_count(0)
    staff.goto("/staff/certificates")
    waiting = staff.locator("main section.panel").filter(has_text=PRODUCT)
    waiting.locator("form[action$='/verify'] button[type=submit]").click()
    expect(staff.locator("main section.panel").filter(has_text=PRODUCT)).to_have_count(0)

    # Now any shopper finds it, without accents, with its certificate.
    page.goto("/catalog/?q=mut+khom+hiep+hung")
    expect(page.locator("article.product-card")).to_have_count(1)
    page.locator("a.product-card__link").first.click()
    expect(page.locator("section#certificate")).to_contain_text("2468/QĐ-UBND")
    staff.context.close()
