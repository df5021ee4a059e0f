"""The buyer follows the order: each producer's parcel with its tracking number, the
history of packing, shipping and delivery, and a printable invoice."""

import pytest

from storefront.extensions import db
from storefront.orders.fulfilment import deliver, pack, ship
from storefront.orders.models import Order, PaymentMethod
from tests.factories import UserFactory
from tests.shopping import now, shipping_table, two_producer_order


@pytest.fixture
def order(app) -> Order:
    shipping_table()
    return two_producer_order(PaymentMethod.COD)


def _buyer_page(client, order: Order) -> str:
    client.set_cookie("lang", "en")
    return client.get(f"/orders/{order.number}?key={order.access_key}").text


def test_the_buyer_sees_each_parcel_and_its_tracking_number(client, order) -> None:
    packer = UserFactory(name="Anh Tư")
    rice = order.fulfilments[0]
    pack(rice, actor=packer, now=now())
    ship(rice, actor=packer, carrier="GHN", tracking_number="GHNVN7788", now=now())

    page = _buyer_page(client, order)

    assert "Shipments" in page and "arrives in 2 parts" in page
    assert "GHNVN7788" in page and "GHN" in page
    assert f"{rice.producer_name} shipped its items" in page
    assert "Being prepared" in page  # the order, while the honey is still to pack
    assert "Anh Tư" not in page  # who packed is for staff
    assert "To pack" in page


def test_the_order_shows_delivered_once_every_parcel_arrived(client, order) -> None:
    packer = UserFactory()
    for part in order.fulfilments:
        pack(part, actor=packer, now=now())
        ship(part, actor=packer, carrier="VNPost", tracking_number=f"EV{part.id}VN", now=now())
        deliver(part, actor=packer, cash_collected_vnd=part.collect_vnd, now=now())

    page = _buyer_page(client, order)

    assert page.count("Delivered on") == 2
    assert "items were delivered" in page
    assert "Cash to collect" not in page  # the couriers' cash is staff's business


def test_the_invoice_lists_the_lines_and_totals_for_the_buyer(client, order) -> None:
    client.set_cookie("lang", "en")
    invoice = client.get(f"/orders/{order.number}/invoice?key={order.access_key}")

    assert invoice.status_code == 200
    text = invoice.text
    assert "Sales invoice" in text and order.number in text
    assert "Công ty TNHH Chợ OCOP" in text  # the seller, from the configuration
    for line in order.lines:
        assert (line.name_en or line.name) in text
    assert "To pay on delivery" in text
    assert "not a VAT e-invoice" in text


def test_the_invoice_is_hidden_without_the_key(client, order) -> None:
    assert client.get(f"/orders/{order.number}/invoice").status_code == 404
    assert client.get(f"/orders/{order.number}/invoice?key=wrong").status_code == 404


def test_the_invoice_says_when_it_was_paid(client, order) -> None:
    packer = UserFactory()
    for part in order.fulfilments:
        pack(part, actor=packer, now=now())
        ship(part, actor=packer, carrier="GHN", tracking_number="1", now=now())
        deliver(part, actor=packer, cash_collected_vnd=part.collect_vnd, now=now())
    db.session.expire_all()

    client.set_cookie("lang", "en")
    text = client.get(f"/orders/{order.number}/invoice?key={order.access_key}").text

    assert "Paid on" in text
