"""The shopper's steps from the cart to the review page, shared by the browser journeys that
need an order rather than test the checkout form itself (test_checkout_journey.py does)."""

from playwright.sync_api import Page, expect


def check_out(page: Page, *, email: str, payment: str, name: str = "Lê Thị Cúc") -> None:
    """From the cart to "Review your order": contact, an address in Cần Thơ (Ninh Kiều
    ward), and the payment method named by its label."""
    page.goto("/cart")
    page.get_by_role("link", name="Check out").click()
    page.get_by_label("Your name").fill(name)
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Phone", exact=True).fill("0912 345 678")
    page.get_by_label("Province or city").select_option(label="Thành phố Cần Thơ")
    expect(page.locator("#ward option")).not_to_have_count(1)  # the wards arrived
    page.get_by_label("Ward or commune").select_option(label="Phường Ninh Kiều")
    page.get_by_label("House number and street").fill("12 Đường 30/4")
    page.get_by_label(payment).check()
    page.get_by_role("button", name="Continue to review").click()
    expect(page.get_by_role("heading", name="Review your order")).to_be_visible()
