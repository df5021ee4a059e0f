"""Who sees an order and what its page shows: the buyer's list in the account, the order
page for its buyer, key holder and staff, the bank-transfer instructions while they are
needed, and staff (only staff) confirming a transfer."""

import re
from datetime import timedelta

import pytest

from storefront.accounts.models import Role
from storefront.cart.storage import SessionCart
from storefront.checkout.placing import place_order
from storefront.combos.models import ComboPackaging
from storefront.extensions import db
from storefront.money import format_vnd
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from tests.factories import PackagingFactory, UserFactory
from tests.shopping import (
    combo_of,
    details,
    gift_order,
    now,
    product_key,
    rules,
    shipping_table,
    stocked_product,
)


@pytest.fixture(autouse=True)
def _english(client) -> None:
    client.set_cookie("lang", "en")


def _cod_order(*, buyer=None, at=None, quantity: int = 1) -> Order:
    shipping_table()
    cart = SessionCart({})
    cart.put(product_key(stocked_product(10, price_vnd=100_000)), quantity)
    return place_order(
        cart.lines(),
        details(PaymentMethod.COD),
        buyer=buyer,
        cart=cart,
        locale="en",
        rules=rules(),
        now=at or now(),
    )


def test_the_account_lists_the_buyers_orders_newest_first(client, login_as) -> None:
    buyer = UserFactory()
    older = _cod_order(buyer=buyer, at=now() - timedelta(days=3), quantity=2)
    newer = gift_order(combo_of((stocked_product(10), 1)), buyer=buyer)
    login_as(buyer)

    page = client.get("/account/orders").text

    assert page.index(newer.number) < page.index(older.number)
    assert "2 items" in page and format_vnd(older.total_vnd) in page
    assert "Confirmed: pay on delivery" in page and "Awaiting your bank transfer" in page
    assert f'href="/orders/{older.number}"' in page


def test_the_account_list_takes_the_same_queries_for_one_order_or_many(
    client, login_as, count_queries
) -> None:
    buyer = UserFactory()
    _cod_order(buyer=buyer)
    login_as(buyer)
    client.get("/account/orders")
    with count_queries() as one:
        client.get("/account/orders")
    for _ in range(3):
        _cod_order(buyer=buyer)
    gift_order(combo_of((stocked_product(10), 2)), buyer=buyer)

    with count_queries() as many:
        client.get("/account/orders")

    assert many.count == one.count


def test_a_visitor_is_asked_to_sign_in_for_the_account_orders(client) -> None:
    response = client.get("/account/orders")

    assert response.status_code == 302 and "/account/sign-in" in response.location


def test_the_account_menu_and_the_footer_lead_to_orders(client, login_as) -> None:
    assert 'href="/orders/lookup"' in client.get("/").text
    login_as(Role.SHOPPER)

    assert 'href="/account/orders"' in client.get("/account/").text


def test_the_order_page_shows_what_was_bought_and_where_it_goes(client) -> None:
    rice = stocked_product(10, name="Gạo ST25", name_en="ST25 rice")
    combo = combo_of((rice, 2), name="Quà Tết Sóc Trăng", name_en="Sóc Trăng Tết gift")
    box = PackagingFactory(producer=combo.owner, name="Hộp tre", name_en="Bamboo box")
    combo.packaging.append(ComboPackaging(item=box, position=0))
    order = gift_order(combo)

    page = client.get(f"/orders/{order.number}?key={order.access_key}").text

    assert "Sóc Trăng Tết gift" in page and "2 × ST25 rice" in page
    assert f"Packaging: Bamboo box (+{format_vnd(box.price_vnd)})" in page
    assert "Phường Vị Thanh" in page and "Thành phố Cần Thơ" in page
    assert "Trần Thị Bình" in page and "0987 654 321" in page
    assert "Chúc mừng năm mới!" in page
    assert format_vnd(order.subtotal_vnd) in page and format_vnd(order.total_vnd) in page


def test_the_transfer_page_gives_every_detail_to_pay(client, app) -> None:
    order = gift_order(combo_of((stocked_product(10), 1)))

    page = client.get(f"/orders/{order.number}?key={order.access_key}").text

    for shown in (
        app.config["BANK_NAME"],
        app.config["BANK_ACCOUNT_NUMBER"],
        app.config["BANK_ACCOUNT_NAME"],
        format_vnd(order.total_vnd),
        f'<strong class="copyable">{order.number}</strong>',
    ):
        assert shown in page
    assert re.search(r'<svg[^>]* class="vietqr"', page)
    assert "Transfer exactly this amount, with this note, before" in page


def test_a_paid_order_no_longer_asks_for_the_transfer(client, login_as) -> None:
    order = gift_order(combo_of((stocked_product(10), 1)))
    staff = client.application.test_client()
    login_as(Role.STAFF, client=staff)
    staff.post(f"/staff/orders/{order.number}/transfer-received")

    page = client.get(f"/orders/{order.number}?key={order.access_key}").text

    assert "Paid" in page and 'class="vietqr"' not in page and "Pay by bank transfer" not in page


def test_anyone_with_the_key_sees_the_order_and_staff_need_none(client, login_as) -> None:
    order = gift_order(combo_of((stocked_product(10), 1)), buyer=UserFactory())
    login_as(UserFactory())
    assert client.get(f"/orders/{order.number}").status_code == 404
    assert client.get(f"/orders/{order.number}?key={order.access_key}").status_code == 200

    login_as(Role.STAFF)

    assert client.get(f"/orders/{order.number}").status_code == 200
    assert client.get("/orders/OCOP-26-999999").status_code == 404


@pytest.mark.parametrize("role", [None, Role.SHOPPER, Role.PRODUCER, Role.SHOP])
def test_only_staff_may_mark_a_transfer_received(client, login_as, role) -> None:
    order = gift_order(combo_of((stocked_product(10), 1)))
    if role is not None:
        login_as(role)

    response = client.post(f"/staff/orders/{order.number}/transfer-received")
    listing = client.get("/staff/orders/transfers")

    if role is None:
        assert "/account/sign-in" in response.location and "/account/sign-in" in listing.location
    else:
        assert response.status_code == listing.status_code == 403
    db.session.refresh(order)
    assert order.status is OrderStatus.AWAITING_PAYMENT


def test_staff_marking_a_cash_order_is_told_no_and_nothing_changes(client, login_as) -> None:
    order = _cod_order()
    login_as(Role.STAFF)

    response = client.post(f"/staff/orders/{order.number}/transfer-received", follow_redirects=True)

    assert response.status_code == 200
    assert "This order cannot change that way now." in response.text
    db.session.refresh(order)
    assert order.status is OrderStatus.CONFIRMED


def test_staff_see_each_awaited_transfer_with_its_deadline(client, login_as) -> None:
    order = gift_order(combo_of((stocked_product(10), 1)))
    _cod_order()
    login_as(Role.STAFF)

    page = client.get("/staff/orders/transfers").text

    rows = re.findall(r"<tr>.*?</tr>", page, flags=re.S)
    assert len([row for row in rows if "OCOP-" in row]) == 1
    assert order.number in page and order.buyer_name in page
    assert format_vnd(order.total_vnd) in page
    assert f'action="/staff/orders/{order.number}/transfer-received"' in page
