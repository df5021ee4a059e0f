"""The checkout form's parts: wards that follow the province (with and without JavaScript),
a recipient other than the buyer, cash on delivery offered only when possible, the signed-in
buyer's details filled in, and the review's hints."""

import re

import pytest
from sqlalchemy import select

from storefront.accounts.models import User
from storefront.money import format_vnd
from storefront.orders.models import Order, PaymentMethod
from tests.factories import CAN_THO, VI_THANH_WARD, UserFactory
from tests.shopping import checkout_form, shipping_table, stocked_product

HANOI = 1
HANOI_WARD = 70  # Phường Hoàn Kiếm


@pytest.fixture(autouse=True)
def _shop(app, client) -> None:
    shipping_table()
    client.set_cookie("lang", "en")


@pytest.fixture
def honey(db):
    product = stocked_product(10, price_vnd=150_000, weight_grams=500)
    db.session.commit()
    return product


def _add(client, product, quantity: int = 1) -> None:
    client.post("/cart/add", data={"item": f"p{product.id}", "quantity": str(quantity)})


def _options(html: str) -> list[str]:
    return re.findall(r'<option[^>]*value="(\d*)"', html)


def test_the_ward_options_follow_the_province(client, honey) -> None:
    _add(client, honey)
    # What the province-wards script asks for on a change: the page for that province.
    can_tho = client.get(f"/checkout?province={CAN_THO}")
    hanoi = client.get(f"/checkout?province={HANOI}")

    assert can_tho.status_code == hanoi.status_code == 200
    assert str(VI_THANH_WARD) in _options(can_tho.text)
    assert str(HANOI_WARD) not in _options(can_tho.text)
    assert str(HANOI_WARD) in _options(hanoi.text)


@pytest.mark.parametrize("code", ["", "abc", "999", "-1"])
def test_an_unknown_province_has_no_wards_and_no_error(client, honey, code) -> None:
    _add(client, honey)

    response = client.get(f"/checkout?province={code}")

    assert response.status_code == 200
    assert "Choose the province first" in response.text
    assert "field__error" not in response.text


def test_the_province_has_a_button_to_show_its_wards_and_the_script_follows_it(
    client, honey
) -> None:
    _add(client, honey)

    page = client.get("/checkout").text

    assert re.search(r"<input[^>]*id=\"choose_province\"", page)
    assert "js/province-wards.js" in page
    assert "<script>" not in page and " style=" not in page


def test_without_javascript_show_its_wards_keeps_what_was_typed(client, db, honey) -> None:
    _add(client, honey)
    typed = {"name": "Nguyễn Văn An", "gift_message": "Chúc mừng!", "province": str(CAN_THO)}

    response = client.post("/checkout", data={**typed, "choose_province": "Show its wards"})

    assert response.status_code == 200
    page = response.text
    assert str(VI_THANH_WARD) in _options(page)
    assert 'value="Nguyễn Văn An"' in page and "Chúc mừng!" in page
    assert "field__error" not in page  # only showing the wards, nothing checked yet
    assert client.get("/checkout/review").location.endswith("/checkout")


def test_a_gift_goes_to_the_recipient_the_buyer_names(client, db, honey) -> None:
    _add(client, honey)
    other = {
        "other_recipient": "y",
        "recipient_name": "Trần Thị Bình",
        "recipient_phone": "0987 654 321",
    }

    client.post("/checkout", data={**checkout_form(), **other})
    review = client.get("/checkout/review").text
    client.post("/checkout/place")

    assert "Trần Thị Bình" in review and "0987 654 321" in review
    order = db.session.scalar(select(Order))
    assert (order.recipient_name, order.recipient_phone) == ("Trần Thị Bình", "+84987654321")
    assert (order.buyer_name, order.buyer_phone) == ("Nguyễn Văn An", "+84912345678")


def test_recipient_fields_without_the_box_ticked_deliver_to_the_buyer(client, db, honey) -> None:
    _add(client, honey)
    untouched = {"recipient_name": "Trần Thị Bình", "recipient_phone": "0987 654 321"}

    client.post("/checkout", data={**checkout_form(), **untouched})
    client.post("/checkout/place")

    order = db.session.scalar(select(Order))
    assert (order.recipient_name, order.recipient_phone) == ("Nguyễn Văn An", "+84912345678")


def test_cash_on_delivery_is_off_when_the_items_alone_pass_its_limit(app, client, db) -> None:
    app.config["COD_LIMIT_VND"] = 200_000
    rice = stocked_product(10, price_vnd=250_000)
    db.session.commit()
    _add(client, rice)

    page = client.get("/checkout").text
    forced = client.post("/checkout", data=checkout_form(PaymentMethod.COD))

    cod = re.search(r'<input[^>]*value="cod"[^>]*>', page).group(0)
    transfer = re.search(r'<input[^>]*value="bank_transfer"[^>]*>', page).group(0)
    assert "disabled" in cod and "checked" not in cod and "checked" in transfer
    assert f"cash on delivery is for orders up to {format_vnd(200_000)}" in page
    assert forced.status_code == 200
    assert "Cash on delivery is for orders up to" in forced.text


def test_cash_on_delivery_stays_when_the_items_are_under_its_limit(app, client, honey) -> None:
    app.config["COD_LIMIT_VND"] = 200_000
    _add(client, honey)

    cod = re.search(r'<input[^>]*value="cod"[^>]*>', client.get("/checkout").text).group(0)

    assert "disabled" not in cod and "checked" in cod


def test_a_signed_in_buyer_finds_their_details_filled_in(client, db, login_as, honey) -> None:
    buyer = login_as(UserFactory(name="Lê Thị Hoa", email="hoa@example.vn", phone="+84912345678"))
    _add(client, honey)

    page = client.get("/checkout").text

    assert 'value="Lê Thị Hoa"' in page and 'value="hoa@example.vn"' in page
    assert 'value="0912 345 678"' in page
    client.post("/checkout", data=checkout_form())
    client.post("/checkout/place")
    assert db.session.scalar(select(Order)).user_id == db.session.get(User, buyer.id).id


def test_a_guests_order_belongs_to_no_account(client, db, honey) -> None:
    _add(client, honey)
    client.post("/checkout", data=checkout_form())
    client.post("/checkout/place")

    assert db.session.scalar(select(Order)).user_id is None


def test_the_review_says_how_much_more_ships_free(app, client, honey) -> None:
    app.config["FREE_SHIPPING_ABOVE_VND"] = 400_000
    _add(client, honey, 2)
    client.post("/checkout", data=checkout_form())

    below = client.get("/checkout/review").text
    _add(client, honey, 1)
    client.post("/checkout", data=checkout_form())
    above = client.get("/checkout/review").text

    assert f"Add {format_vnd(100_000)} more to your cart and shipping is free." in below
    assert "shipping is free" not in above and format_vnd(450_000) in above


def test_editing_the_details_shows_them_as_sent(client, honey) -> None:
    _add(client, honey)
    client.post("/checkout", data={**checkout_form(), "gift_message": "Mừng thọ bà"})

    review = client.get("/checkout/review").text
    edit = client.get("/checkout").text

    assert 'href="/checkout"' in review
    assert "Mừng thọ bà" in edit and 'value="12 Đường 30/4"' in edit
    assert re.search(rf'<option selected value="{VI_THANH_WARD}"', edit)


def test_place_without_details_asks_for_them(client, db, honey) -> None:
    _add(client, honey)

    response = client.post("/checkout/place")

    assert response.location.endswith("/checkout")
    assert db.session.scalar(select(Order)) is None


def test_the_thank_you_shows_once(client, honey) -> None:
    _add(client, honey)
    client.post("/checkout", data=checkout_form())
    order_page = client.post("/checkout/place").location

    first, again = client.get(order_page).text, client.get(order_page).text

    assert "Thank you!" in first and "Thank you!" not in again
