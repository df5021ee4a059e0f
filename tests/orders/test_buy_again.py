"""Buying an order again: its lines go back into the cart at today's prices; the buyer is
told which prices changed and which items cannot be bought now, and why."""

from sqlalchemy import select

from storefront.cart.lines import ItemKind
from storefront.extensions import db
from storefront.money import format_vnd
from storefront.orders.models import Order
from tests.factories import expire
from tests.shopping import (
    checkout_form,
    combo_key,
    combo_of,
    product_key,
    shipping_table,
    stocked_product,
)


def _flashes(client) -> list[tuple[str, str]]:
    with client.session_transaction() as session:
        return list(session.get("_flashes", []))


def _order_of(client, *lines) -> Order:
    client.set_cookie("lang", "en")
    for key, quantity in lines:
        client.post("/cart/add", data={"item": key.encode(), "quantity": quantity})
    client.post("/checkout", data=checkout_form())
    client.post("/checkout/place")
    return db.session.scalar(select(Order).order_by(Order.id.desc()))


def _again(client, order: Order):
    return client.post(f"/orders/{order.number}/buy-again?key={order.access_key}")


def test_the_lines_come_back_into_the_cart(client, db) -> None:
    shipping_table()
    rice = stocked_product(20, price_vnd=100_000)
    fish, honey = (stocked_product(20, producer=rice.producer) for _ in range(2))
    combo = combo_of((fish, 1), (honey, 2))
    db.session.commit()
    order = _order_of(client, (product_key(rice), 3), (combo_key(combo), 1))

    answer = _again(client, order)

    assert answer.status_code == 302 and answer.location.endswith("/cart")
    assert ("success", f"2 lines of order {order.number} are in your cart, at today's prices.") in (
        _flashes(client)
    )
    cart = client.get("/cart").text
    assert (rice.name_en or rice.name) in cart and (combo.name_en or combo.name) in cart
    with client.session_transaction() as session:
        kinds = sorted(key[0] for key in session["cart"])
    assert kinds == sorted([ItemKind.PRODUCT.value, ItemKind.COMBO.value])


def test_a_changed_price_and_an_item_no_longer_sold_are_told(client, db) -> None:
    shipping_table()
    rice = stocked_product(20, price_vnd=100_000, name="Gạo Vị Thủy", name_en="Vi Thuy rice")
    honey = stocked_product(20, price_vnd=200_000, name="Mật ong", name_en="Honey")
    db.session.commit()
    order = _order_of(client, (product_key(rice), 1), (product_key(honey), 1))
    rice.price_vnd = 110_000
    expire(honey)
    db.session.commit()

    _again(client, order)

    flashes = [text for _category, text in _flashes(client)]
    assert f"Vi Thuy rice now costs {format_vnd(110_000)} (it was {format_vnd(100_000)})." in (
        flashes
    )
    assert any(text.startswith("Honey was not added: ") for text in flashes)
    assert f"1 line of order {order.number} is in your cart, at today's price." in flashes


def test_another_visitor_cannot_buy_someone_elses_order_again(app, client, db) -> None:
    shipping_table()
    rice = stocked_product(20)
    db.session.commit()
    order = _order_of(client, (product_key(rice), 1))

    stranger = app.test_client().post(f"/orders/{order.number}/buy-again")

    assert stranger.status_code == 404
