"""The buyer cancels an order from its page until the producers start preparing it: the
stock returns once, and the order's history says so."""

from sqlalchemy import select

from storefront.extensions import db
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from tests.shopping import checkout_form, ledger_sums, product_key, shipping_table, stocked_product


def _placed(client, payment: PaymentMethod = PaymentMethod.COD) -> tuple[Order, object]:
    shipping_table()
    honey = stocked_product(5, name="Mật ong U Minh")
    db.session.commit()
    client.set_cookie("lang", "en")
    client.post("/cart/add", data={"item": product_key(honey).encode(), "quantity": 2})
    client.post("/checkout", data=checkout_form(payment))
    client.post("/checkout/place")
    return db.session.scalar(select(Order)), honey


def _page(order: Order) -> str:
    return f"/orders/{order.number}?key={order.access_key}"


def test_the_buyer_cancels_and_the_stock_returns_once(client, db) -> None:
    order, honey = _placed(client)
    before = client.get(_page(order)).text

    cancelled = client.post(
        f"/orders/{order.number}/cancel?key={order.access_key}", follow_redirects=True
    )
    again = client.post(
        f"/orders/{order.number}/cancel?key={order.access_key}", follow_redirects=True
    )

    assert "Cancel this order" in before and "Cancel this order" not in cancelled.text
    assert f"Order {order.number} is cancelled." in cancelled.text
    assert "can no longer be cancelled" in again.text
    db.session.expire_all()
    assert order.status is OrderStatus.CANCELLED
    assert honey.stock == 5 and ledger_sums()[honey.id] == 5
    history = cancelled.text[cancelled.text.index("History") :]
    assert history.index("Placed") < history.index("Cancelled")


def test_once_the_producers_prepare_it_the_order_cannot_be_cancelled(client, db) -> None:
    order, honey = _placed(client)
    order.status = OrderStatus.PROCESSING
    db.session.commit()

    page = client.get(_page(order)).text
    refused = client.post(
        f"/orders/{order.number}/cancel?key={order.access_key}", follow_redirects=True
    )

    assert "Cancel this order" not in page
    assert "This order can no longer be cancelled: the producers are preparing it." in refused.text
    db.session.expire_all()
    assert order.status is OrderStatus.PROCESSING and honey.stock == 3


def test_without_the_key_nobody_cancels_the_order(app, client, db) -> None:
    order, honey = _placed(client)

    stranger = app.test_client().post(f"/orders/{order.number}/cancel")
    wrong_key = app.test_client().post(f"/orders/{order.number}/cancel?key=guess")

    assert stranger.status_code == wrong_key.status_code == 404
    db.session.expire_all()
    assert order.status is OrderStatus.CONFIRMED and honey.stock == 3
