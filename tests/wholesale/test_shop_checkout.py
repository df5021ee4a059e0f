"""A shop's checkout: tier prices from the cart on, VAT invoice details required, payment
by invoice on the shop's terms within its credit limit (refused with the figures), the
proforma and invoice, the shop's order history, reorder, and staff marking an invoice
paid. Through the real pages, on the test client."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from storefront.accounts.models import Role, User
from storefront.extensions import db
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from storefront.wholesale.models import Shop
from tests.factories import UserFactory
from tests.shopping import checkout_form, product_key, shipping_table, stocked_product
from tests.wholesale.shops import approved_shop, shop_member, wholesale

VAT = {
    "vat_company_name": "Công ty TNHH Quà Quê",
    "vat_tax_code": "0312345678",
    "vat_address": "5 Hai Bà Trưng, Phường Vị Thanh, Thành phố Cần Thơ",
}


@pytest.fixture
def honey(db):
    shipping_table()
    product = stocked_product(1_000, name="Mật ong U Minh", price_vnd=100_000, weight_grams=100)
    wholesale(product, [(50, 85_000), (100, 80_000)], minimum=10)
    db.session.commit()
    return product


@pytest.fixture
def owner(db, login_as: Callable[..., User], client: FlaskClient) -> User:
    user = UserFactory()
    approved_shop(user, terms_days=30, credit_limit_vnd=20_000_000)
    db.session.commit()
    client.set_cookie("lang", "en")
    return login_as(user)


def add(client: FlaskClient, product, quantity: int):
    return client.post(
        "/cart/add", data={"item": product_key(product).encode(), "quantity": quantity}
    )


def check_out(client: FlaskClient, payment: PaymentMethod = PaymentMethod.INVOICE, **changes):
    form = checkout_form(payment) | VAT | changes
    return client.post("/checkout", data=form)


def place(client: FlaskClient) -> Order:
    placed = client.post("/checkout/place")
    assert placed.status_code == 302, placed.text
    assert "/orders/" in placed.location, placed.location
    return db.session.scalars(select(Order).order_by(Order.id.desc())).first()


@pytest.mark.parametrize(
    ("quantity", "unit"), [(10, 100_000), (49, 100_000), (50, 85_000), (51, 85_000), (100, 80_000)]
)
def test_the_shop_pays_its_tier_price_for_the_lines_quantity(client, owner, honey, quantity, unit):
    assert add(client, honey, quantity).status_code == 302
    assert check_out(client).status_code == 302
    order = place(client)
    [line] = order.lines
    assert (line.unit_price_vnd, line.total_vnd) == (unit, unit * quantity)
    assert order.shop_id == owner.shop_id
    assert order.subtotal_vnd == unit * quantity


def test_below_the_minimum_order_the_cart_refuses_to_add(client, owner, honey):
    refused = add(client, honey, 9)
    assert refused.status_code == 302
    page = client.get("/cart").text
    assert "The minimum order for this item is 10." in page
    assert db.session.scalar(select(Order.id)) is None


def test_an_invoice_order_is_confirmed_now_and_due_after_the_shops_terms(client, owner, honey):
    add(client, honey, 50)
    check_out(client)
    order = place(client)
    assert order.payment_method is PaymentMethod.INVOICE
    assert order.status is OrderStatus.CONFIRMED
    assert order.payment_due_at - order.placed_at == timedelta(days=30)
    assert (order.vat_company_name, order.vat_tax_code) == (VAT["vat_company_name"], "0312345678")
    page = client.get(f"/orders/{order.number}").text
    assert "Pay the invoice by bank transfer" in page
    assert "0312345678" in page


@pytest.mark.parametrize("field", list(VAT))
def test_vat_invoice_details_are_required_of_a_shop(client, owner, honey, field):
    add(client, honey, 50)
    refused = check_out(client, **{field: ""})
    assert refused.status_code == 200
    assert "field--invalid" in refused.text
    assert client.get("/checkout/review").status_code == 302  # nothing kept


def test_a_made_up_tax_code_is_refused(client, owner, honey):
    add(client, honey, 50)
    refused = check_out(client, vat_tax_code="12345")
    assert "Enter the tax code (MST) as 10 digits" in refused.text


def test_the_form_starts_with_the_shops_registered_details(client, owner, honey):
    add(client, honey, 50)
    page = client.get("/checkout").text
    assert "VAT invoice" in page and 'value="Công ty TNHH Quà Quê"' in page


def test_an_order_over_the_credit_limit_is_refused_with_the_figures(client, owner, honey):
    add(client, honey, 150)  # 150 × 80.000 = 12.000.000 ₫
    check_out(client)
    first = place(client)
    add(client, honey, 120)  # 9.600.000 ₫ more: over 20.000.000 ₫
    refused = check_out(client)
    assert refused.status_code == 200
    text = refused.text
    assert "over its credit limit of 20.000.000" in text
    assert "12.000.000" in text  # owed now (with shipping)
    assert db.session.scalar(select(Order.id).where(Order.id != first.id)) is None


def test_a_paid_invoice_frees_its_credit(client, owner, honey, login_as, app):
    add(client, honey, 150)
    check_out(client)
    first = place(client)
    staff_client = app.test_client()
    staff_client.set_cookie("lang", "en")
    login_as(UserFactory(role=Role.STAFF), client=staff_client)
    owing = " ".join(staff_client.get("/staff/shops").text.replace("\u00a0", " ").split())
    assert 'Unpaid invoices</dt><dd>12.000.000 ₫ <span class="muted">of 20.000.000 ₫' in owing
    assert staff_client.post(f"/staff/orders/{first.number}/transfer-received").status_code == 302
    paid = staff_client.get("/staff/shops").text.replace("\u00a0", " ")
    assert "Unpaid invoices</dt><dd>0 ₫" in paid
    db.session.refresh(first)
    assert first.paid_at is not None and first.status is OrderStatus.CONFIRMED
    again = staff_client.post(f"/staff/orders/{first.number}/transfer-received")
    assert again.status_code == 302  # refused with a message, nothing changed
    add(client, honey, 120)
    assert check_out(client).status_code == 302
    assert place(client).subtotal_vnd == 9_600_000


def test_retail_buyers_never_see_the_invoice_choice_or_vat_fields(client, login_as, honey):
    login_as(Role.SHOPPER)
    client.set_cookie("lang", "en")
    add(client, honey, 5)
    page = client.get("/checkout").text
    assert "vat_company_name" not in page and 'value="invoice"' not in page
    sneaked = client.post(
        "/checkout", data=checkout_form(PaymentMethod.COD) | {"payment": "invoice"}
    )
    assert sneaked.status_code == 200
    assert client.get("/checkout/review").status_code == 302


def test_a_shop_without_terms_pays_by_transfer_or_card_only(client, login_as, honey):
    user = UserFactory()
    approved_shop(user, terms_days=0, credit_limit_vnd=0)
    db.session.commit()
    login_as(user)
    client.set_cookie("lang", "en")
    add(client, honey, 50)
    assert 'value="invoice"' not in client.get("/checkout").text
    assert check_out(client).status_code == 200  # invoice is not a choice here
    assert check_out(client, PaymentMethod.BANK_TRANSFER).status_code == 302
    order = place(client)
    assert order.status is OrderStatus.AWAITING_PAYMENT


def test_every_member_sees_the_shops_orders_and_no_one_else_does(
    client, owner, honey, app, login_as
):
    add(client, honey, 50)
    check_out(client)
    order = place(client)
    colleague, stranger, other_shop = app.test_client(), app.test_client(), app.test_client()
    login_as(shop_member(db.session.get(Shop, owner.shop_id)), client=colleague)
    login_as(Role.SHOPPER, client=stranger)
    login_as(UserFactory(shop_id=approved_shop().id, role=Role.SHOP), client=other_shop)
    for path in (f"/orders/{order.number}", f"/orders/{order.number}/invoice"):
        assert colleague.get(path).status_code == 200
        assert stranger.get(path).status_code == 404
        assert other_shop.get(path).status_code == 404
    history = colleague.get("/wholesale/orders")
    assert order.number in history.text
    assert order.number not in other_shop.get("/wholesale/orders").text
    assert stranger.get("/wholesale/orders").status_code == 403


def test_the_proforma_and_the_invoice_carry_the_vat_details_and_download_as_files(
    client, owner, honey
):
    add(client, honey, 50)
    check_out(client)
    order = place(client)
    proforma = client.get(f"/orders/{order.number}/invoice?proforma=1").text
    assert '<h1 id="invoice-title">Proforma invoice</h1>' in proforma
    assert "0312345678" in proforma
    assert "Due by" in proforma
    download = client.get(f"/orders/{order.number}/invoice?download=1")
    assert download.status_code == 200
    disposition = download.headers["Content-Disposition"]
    assert disposition == f'attachment; filename="{order.number}-invoice.html"'
    assert "<style>" in download.text and "Công ty TNHH Quà Quê" in download.text
    assert '<h1 id="invoice-title">Sales invoice</h1>' in download.text


def test_reorder_puts_the_lines_back_at_the_shops_price_today(client, owner, honey):
    add(client, honey, 50)
    check_out(client)
    order = place(client)
    again = client.post(f"/orders/{order.number}/buy-again")
    assert again.status_code == 302
    cart = client.get("/cart").text
    assert "85.000" in cart


def test_the_shops_order_pages_run_as_many_queries_for_one_order_as_for_three(
    client, owner, honey, app, login_as, count_queries
):
    """Lines, who placed each order and what the shop owes are read in fixed queries."""

    def counts() -> tuple[int, int]:
        found = []
        for path in ("/wholesale/orders", "/wholesale/"):
            with count_queries() as counter:
                assert client.get(path).status_code == 200
            found.append(counter.count)
        return found[0], found[1]

    add(client, honey, 50)
    check_out(client)
    place(client)
    one = counts()
    colleague = app.test_client()
    login_as(shop_member(db.session.get(Shop, owner.shop_id)), client=colleague)
    for buyer in (client, colleague):
        add(buyer, honey, 20)
        check_out(buyer)
        place(buyer)
    assert counts() == one
