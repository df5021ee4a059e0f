"""Order pages: the guest's lookup by number and e-mail, the buyer's list, the story card
with the gift message, and staff confirming bank transfers."""

import pytest

from storefront.accounts.models import Role
from storefront.extensions import db
from storefront.orders.models import OrderStatus
from tests.factories import UserFactory
from tests.shopping import combo_of, gift_order, stocked_product


@pytest.fixture(autouse=True)
def _english(client) -> None:
    client.set_cookie("lang", "en")


@pytest.fixture
def order(app):
    rice = stocked_product(10, name="Gạo ST25")
    placed = gift_order(combo_of((rice, 2), name="Quà Tết Sóc Trăng"))
    return placed


def test_a_guest_finds_the_order_by_number_and_e_mail(client, order) -> None:
    response = client.post(
        "/orders/lookup", data={"number": order.number.lower(), "email": "AN@example.vn "}
    )

    assert response.location == f"/orders/{order.number}?key={order.access_key}"
    assert "Gạo ST25" in client.get(response.location).get_data(as_text=True)


@pytest.mark.parametrize(
    "wrong", [{"email": "binh@example.vn"}, {"number": "OCOP-26-999999"}, {"number": ""}]
)
def test_a_wrong_number_or_e_mail_finds_nothing_and_says_so_alike(client, order, wrong) -> None:
    data = {"number": order.number, "email": "an@example.vn", **wrong}

    response = client.post("/orders/lookup", data=data)

    assert response.status_code == 200  # no way to the order
    page = response.get_data(as_text=True)
    assert order.access_key not in page
    expected = "Enter the order number" if wrong.get("number") == "" else "No order matches"
    assert expected in page


def test_the_lookup_is_rate_limited(client, order) -> None:
    answers = [
        client.post("/orders/lookup", data={"number": "OCOP-26-1", "email": "x@example.vn"})
        for _ in range(11)
    ]
    assert [a.status_code for a in answers][-1] == 429


def test_an_order_without_its_key_is_not_found(client, order) -> None:
    assert client.get(f"/orders/{order.number}").status_code == 404
    assert client.get(f"/orders/{order.number}?key=wrong").status_code == 404
    assert client.get(f"/orders/{order.number}?key=kh%C3%B4ng").status_code == 404


def test_signed_in_buyers_see_their_own_orders_only(client, login_as, app) -> None:
    buyer = UserFactory()
    rice = stocked_product(10)
    mine = gift_order(combo_of((rice, 1)), buyer=buyer)
    theirs = gift_order(combo_of((rice, 1)), buyer=UserFactory())
    login_as(buyer)

    page = client.get("/account/orders").get_data(as_text=True)

    assert mine.number in page and theirs.number not in page
    assert client.get(f"/orders/{mine.number}").status_code == 200
    assert client.get(f"/orders/{theirs.number}").status_code == 404


def test_the_story_card_carries_the_gift_message(client, order) -> None:
    page = client.get(f"/orders/{order.number}/story-card/0?key={order.access_key}")

    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Chúc mừng năm mới!" in html and "Gạo ST25" in html
    no_such_line = f"/orders/{order.number}/story-card/5?key={order.access_key}"
    assert client.get(no_such_line).status_code == 404


def test_staff_mark_a_transfer_received_and_the_order_is_paid(client, login_as, order) -> None:
    login_as(Role.STAFF)
    assert order.number in client.get("/staff/orders/transfers").get_data(as_text=True)

    response = client.post(f"/staff/orders/{order.number}/transfer-received")
    again = client.post(f"/staff/orders/{order.number}/transfer-received")

    assert response.status_code == again.status_code == 302
    db.session.refresh(order)
    assert order.status is OrderStatus.PAID
    page = client.get("/staff/orders/transfers").get_data(as_text=True)
    assert "This order cannot change that way now." in page
    assert "No bank transfer is awaited." in page
