"""Checking out through HTTP: details checked and re-shown with messages, a review with the
shipping fee, "Place order", the order page, the confirmation mail over real SMTP."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from storefront.clock import today_in_vietnam
from storefront.money import format_vnd
from storefront.orders.models import Order, OrderStatus
from tests.factories import CAN_THO, VI_THANH_WARD, expire
from tests.shopping import shipping_table, stocked_product

HANOI_WARD = 70  # Phường Hoàn Kiếm, Thành phố Hà Nội (1)


@pytest.fixture(autouse=True)
def _shop(app, client) -> None:
    shipping_table()
    client.set_cookie("lang", "en")


def _form(**changes: str) -> dict[str, str]:
    return {
        "name": "Nguyễn Văn An",
        "email": "An@Example.vn",
        "phone": "0912 345 678",
        "province": str(CAN_THO),
        "ward": str(VI_THANH_WARD),
        "street": "12 Đường 30/4",
        "payment": "cod",
        **changes,
    }


def _fill_cart(client, *lines: tuple) -> None:
    for product, quantity in lines:
        client.post("/cart/add", data={"item": f"p{product.id}", "quantity": str(quantity)})


def _orders(db) -> int:
    return db.session.scalar(select(func.count(Order.id)))


def test_an_empty_cart_goes_back_to_the_cart(client) -> None:
    response = client.get("/checkout")
    assert response.status_code == 302 and response.location.endswith("/cart")


def test_a_buyer_checks_out_and_pays_on_delivery(client, db) -> None:
    honey = stocked_product(10, price_vnd=150_000, weight_grams=500)
    db.session.commit()
    _fill_cart(client, (honey, 2))

    details = client.post("/checkout", data=_form(gift_message="Chúc mừng năm mới!"))
    assert details.location.endswith("/checkout/review")
    review = client.get("/checkout/review").get_data(as_text=True)
    assert format_vnd(20_000) in review  # Cần Thơ, up to 1 kg
    assert format_vnd(320_000) in review
    placed = client.post("/checkout/place")

    order = db.session.scalar(select(Order))
    assert placed.location == f"/orders/{order.number}?key={order.access_key}"
    assert (order.status, order.total_vnd, order.shipping_vnd) == (
        OrderStatus.CONFIRMED,
        320_000,
        20_000,
    )
    assert (order.email, order.buyer_phone, order.recipient_name) == (
        "an@example.vn",
        "+84912345678",
        "Nguyễn Văn An",
    )
    page = client.get(placed.location).get_data(as_text=True)
    assert order.number in page and "Chúc mừng năm mới!" in page
    assert "You pay the courier in cash" in page
    db.session.refresh(honey)
    assert honey.stock == 8


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phone": "12345"}, "Enter a Vietnamese phone number"),
        ({"phone": "+1 202 555 0143"}, "Enter a Vietnamese phone number"),
        ({"email": "not-an-address"}, "Enter a valid e-mail address"),
        ({"name": ""}, "Enter your name."),
        ({"street": ""}, "Enter the house number and street."),
        ({"ward": str(HANOI_WARD)}, "Choose a ward of the province you chose."),
        ({"ward": "abc"}, "Choose a ward of the province you chose."),
        ({"ward": ""}, "Choose a ward or commune."),
        ({"deliver_on": (today_in_vietnam() - timedelta(days=1)).isoformat()}, "has not passed"),
        ({"deliver_on": today_in_vietnam().isoformat()}, "The earliest we can deliver there is"),
        ({"other_recipient": "y", "recipient_name": "Bình"}, "so the courier can call"),
        ({"other_recipient": "y"}, "Enter the recipient"),
        (
            {"other_recipient": "y", "recipient_name": "Bình", "recipient_phone": "123"},
            "Enter a Vietnamese phone number",
        ),
        ({"payment": "bitcoin"}, "Not a valid choice"),
        ({"gift_message": "x" * 301}, "At most 300 characters."),
    ],
)
def test_bad_details_show_a_message_and_change_nothing(client, db, changes, message) -> None:
    honey = stocked_product(10)
    db.session.commit()
    _fill_cart(client, (honey, 1))

    response = client.post("/checkout", data=_form(**changes))

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert client.get("/checkout/review").location.endswith("/checkout")
    assert client.post("/checkout/place").status_code == 302
    assert _orders(db) == 0


def test_cash_on_delivery_above_its_limit_asks_for_a_transfer(app, client, db) -> None:
    app.config["COD_LIMIT_VND"] = 200_000
    honey = stocked_product(10, price_vnd=150_000)
    db.session.commit()
    _fill_cart(client, (honey, 2))

    response = client.post("/checkout", data=_form())

    assert "Cash on delivery is for orders up to" in response.get_data(as_text=True)
    assert client.post("/checkout", data=_form(payment="bank_transfer")).status_code == 302


def test_prices_totals_producers_and_statuses_posted_anywhere_are_ignored(client, db) -> None:
    honey = stocked_product(10, price_vnd=150_000, weight_grams=500)
    db.session.commit()
    forged = {
        "price_vnd": "1",
        "unit_price_vnd": "1",
        "total_vnd": "1",
        "subtotal_vnd": "1",
        "shipping_vnd": "0",
        "producer_id": "999",
        "status": "paid",
    }
    client.post("/cart/add", data={"item": f"p{honey.id}", "quantity": "1", **forged})
    client.post("/checkout", data=_form(**forged))
    client.post("/checkout/place", data=forged)

    order = db.session.scalar(select(Order))
    assert order.status is OrderStatus.CONFIRMED
    assert [line.producer_id for line in order.lines] == [honey.producer_id]
    assert order.subtotal_vnd == sum(line.total_vnd for line in order.lines) == 150_000
    assert order.total_vnd == order.subtotal_vnd + order.shipping_vnd == 170_000


def test_a_certificate_that_expires_before_place_order_is_refused_clearly(client, db) -> None:
    honey = stocked_product(10, name="Mật ong U Minh")
    db.session.commit()
    _fill_cart(client, (honey, 1))
    client.post("/checkout", data=_form())
    expire(honey)
    db.session.commit()

    response = client.post("/checkout/place")

    assert response.location.endswith("/cart")
    page = client.get("/cart").get_data(as_text=True)
    assert "Mật ong U Minh: OCOP certificate expired" in page
    assert _orders(db) == 0


def test_bank_transfer_shows_the_account_amount_note_and_a_vietqr_code(client, db) -> None:
    honey = stocked_product(10, price_vnd=150_000, weight_grams=500)
    db.session.commit()
    _fill_cart(client, (honey, 1))
    client.post("/checkout", data=_form(payment="bank_transfer"))

    page = client.get(client.post("/checkout/place").location).get_data(as_text=True)

    order = db.session.scalar(select(Order))
    assert order.status is OrderStatus.AWAITING_PAYMENT
    assert "0011004567890" in page and format_vnd(170_000) in page
    assert f'<strong class="copyable">{order.number}</strong>' in page
    assert re.search(r'<svg[^>]* class="vietqr"', page)


def test_the_confirmation_mail_reaches_the_smtp_server_in_the_buyers_language(
    client, db, smtp_server
) -> None:
    honey = stocked_product(10, name="Mật ong U Minh", name_en="U Minh honey")
    db.session.commit()
    _fill_cart(client, (honey, 1))
    client.post("/checkout", data=_form(payment="bank_transfer"))

    client.post("/checkout/place").close()

    order = db.session.scalar(select(Order))
    [mail] = smtp_server.messages
    assert mail.recipients == ["an@example.vn"]
    assert mail.message["Subject"] == f"Your order {order.number} at Chợ OCOP"
    assert mail.message["Content-Language"] == "en"
    text, html = (part.get_content() for part in mail.message.iter_parts())
    assert "U Minh honey" in text and "U Minh honey" in html
    assert f"Transfer note: {order.number}" in text
    link = re.search(r"(http://\S+/orders/\S+)", text).group(1)
    assert order.access_key in link
    assert re.search(r"http://\S+/orders/lookup\s", text) and "/orders/lookup</a>" in html


def test_a_vietnamese_buyer_gets_the_mail_in_vietnamese(client, db, smtp_server) -> None:
    client.set_cookie("lang", "vi")
    honey = stocked_product(10, name="Mật ong U Minh", name_en="U Minh honey")
    db.session.commit()
    _fill_cart(client, (honey, 1))
    client.post("/checkout", data=_form(gift_message="Mừng thọ bà"))

    client.post("/checkout/place").close()

    order = db.session.scalar(select(Order))
    assert order.locale == "vi"
    [mail] = smtp_server.messages
    assert mail.message["Content-Language"] == "vi"
    assert [part.get_content_type() for part in mail.message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    for part in mail.message.iter_parts():
        content = part.get_content()
        assert "Mật ong U Minh" in content and "U Minh honey" not in content
        assert "Mừng thọ bà" in content and format_vnd(order.total_vnd) in content
        assert f"key={order.access_key}" in content.replace("&amp;", "&")


def test_a_cash_on_delivery_mail_says_to_pay_the_courier(client, db, smtp_server) -> None:
    honey = stocked_product(10, price_vnd=150_000, weight_grams=500)
    db.session.commit()
    _fill_cart(client, (honey, 1))
    client.post("/checkout", data=_form())

    client.post("/checkout/place").close()

    [mail] = smtp_server.messages
    text, html = (part.get_content() for part in mail.message.iter_parts())
    for content in (text, html):
        assert f"You pay the courier in cash when the parcel arrives: {format_vnd(170_000)}" in (
            content
        )
        assert "Transfer note" not in content
