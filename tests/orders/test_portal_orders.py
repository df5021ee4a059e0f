"""The producer's part of an order through its pages: another producer never sees or
moves it, and the producer packs, ships (carrier and tracking number) and delivers it
(collecting the cash of a cash-on-delivery order), refused with a message when a detail is
missing or the order is not paid."""

from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from storefront.accounts.models import User
from storefront.extensions import db
from storefront.orders.models import (
    Fulfilment,
    FulfilmentEvent,
    FulfilmentStatus,
    Order,
    OrderStatus,
    PaymentMethod,
)
from storefront.orders.service import mark_transfer_received
from storefront.producers.models import Producer
from tests.factories import UserFactory
from tests.orders.portal_shop import member_of, signed_in
from tests.shopping import now, shipping_table, two_producer_order

Status = FulfilmentStatus

pytestmark = pytest.mark.usefixtures("on_both_databases")


@dataclass
class Shared:
    """An order of rice from the first producer and a combo from the second."""

    order: Order
    mine: Fulfilment  # the rice producer's part
    theirs: Fulfilment
    member: User
    me: FlaskClient  # the rice producer's member
    them: FlaskClient  # the combo maker's member

    @property
    def url(self) -> str:
        return f"/producer/orders/{self.mine.id}"


def _shared(app: Flask, payment: PaymentMethod = PaymentMethod.COD) -> Shared:
    shipping_table()
    order = two_producer_order(payment)
    mine, theirs = order.fulfilments
    member = member_of(db.session.get_one(Producer, mine.producer_id))
    other = member_of(db.session.get_one(Producer, theirs.producer_id))
    return Shared(order, mine, theirs, member, signed_in(app, member), signed_in(app, other))


@pytest.fixture
def shared(app: Flask) -> Shared:
    return _shared(app)  # cash on delivery: confirmed, ready to pack


def _events(part: Fulfilment) -> list[tuple]:
    rows = db.session.scalars(
        select(FulfilmentEvent).where(FulfilmentEvent.fulfilment_id == part.id)
    )
    return [(e.from_status, e.to_status, e.actor_id) for e in rows]


def test_another_producer_gets_404_for_a_part_and_every_move_and_nothing_changes(
    shared: Shared,
) -> None:
    url = shared.url

    answers = [
        shared.them.get(url),
        shared.them.get(f"{url}/packing-slip"),
        shared.them.post(f"{url}/pack"),
        shared.them.post(f"{url}/ship", data={"carrier": "GHN", "tracking_number": "X1"}),
        shared.them.post(f"{url}/deliver", data={"cash_collected_vnd": "0"}),
    ]

    assert [answer.status_code for answer in answers] == [404] * 5
    db.session.expire_all()
    assert (shared.mine.status, shared.mine.tracking_number) == (Status.PENDING, None)
    assert _events(shared.mine) == []


def test_a_part_that_does_not_exist_is_404_too(shared: Shared) -> None:
    assert shared.me.get("/producer/orders/999999").status_code == 404
    assert shared.me.post("/producer/orders/999999/pack").status_code == 404


def test_the_list_the_part_and_the_csv_show_only_the_producers_own_lines(
    shared: Shared,
) -> None:
    rice, combo = shared.order.lines
    combo_names = (combo.name, combo.name_en)

    listed = shared.me.get("/producer/orders").get_data(as_text=True)
    page = shared.me.get(shared.url).get_data(as_text=True)
    exported = shared.me.get("/producer/orders.csv", buffered=True).get_data(as_text=True)

    for text in (listed, page, exported):
        assert shared.order.number in text and rice.name in text
        assert not any(name in text for name in combo_names)
        assert shared.theirs.producer_name not in text
    # The pick list says where to send it, not who bought it nor how they paid.
    assert "Trần Thị Bình" in page and "12 Đường 30/4" in page
    assert "an@example.vn" not in page and "Nguyễn Văn An" not in page


def test_a_producer_packs_ships_and_delivers_its_part_collecting_the_cash(
    shared: Shared,
) -> None:
    me, url, part = shared.me, shared.url, shared.mine
    assert "Mark packed" in me.get(url).get_data(as_text=True)

    packed = me.post(f"{url}/pack")
    after_packing = me.get(url).get_data(as_text=True)
    shipped = me.post(f"{url}/ship", data={"carrier": "Viettel Post", "tracking_number": " VT1 "})
    after_shipping = me.get(url).get_data(as_text=True)
    delivered = me.post(f"{url}/deliver", data={"cash_collected_vnd": str(part.collect_vnd)})

    assert [r.status_code for r in (packed, shipped, delivered)] == [302] * 3
    assert {r.location for r in (packed, shipped, delivered)} == {url}
    assert "is marked packed" in after_packing and "Mark shipped" in after_packing
    assert '<option value="Viettel Post">' in after_packing  # the carriers' datalist
    assert "Mark delivered" in after_shipping
    assert f'value="{part.collect_vnd}"' in after_shipping  # the cash to collect, prefilled
    db.session.expire_all()
    assert (part.status, part.carrier, part.tracking_number, part.cash_collected_vnd) == (
        Status.DELIVERED,
        "Viettel Post",
        "VT1",
        part.collect_vnd,
    )
    member = shared.member.id
    assert _events(part) == [
        (Status.PENDING, Status.PACKED, member),
        (Status.PACKED, Status.SHIPPED, member),
        (Status.SHIPPED, Status.DELIVERED, member),
    ]
    assert shared.order.status is OrderStatus.PROCESSING  # the combo has not shipped yet


def test_shipping_without_a_tracking_number_is_refused_with_a_message(shared: Shared) -> None:
    shared.me.post(f"{shared.url}/pack")

    response = shared.me.post(
        f"{shared.url}/ship", data={"carrier": "GHN", "tracking_number": "   "}
    )

    assert response.status_code == 200
    assert "Give the tracking number." in response.get_data(as_text=True)
    db.session.expire_all()
    assert (shared.mine.status, shared.mine.tracking_number) == (Status.PACKED, None)


def test_delivering_a_cash_on_delivery_part_needs_the_cash_collected(shared: Shared) -> None:
    shared.me.post(f"{shared.url}/pack")
    shared.me.post(f"{shared.url}/ship", data={"carrier": "GHN", "tracking_number": "G1"})

    response = shared.me.post(f"{shared.url}/deliver", data={"cash_collected_vnd": ""})

    assert response.status_code == 200
    assert "Give the cash the courier collected" in response.get_data(as_text=True)
    db.session.expire_all()
    assert shared.mine.status is Status.SHIPPED


def test_an_order_awaiting_payment_cannot_be_packed_and_says_why(app: Flask) -> None:
    shared = _shared(app, PaymentMethod.BANK_TRANSFER)
    page = shared.me.get(shared.url).get_data(as_text=True)

    response = shared.me.post(f"{shared.url}/pack", follow_redirects=True)

    assert "Waiting for payment" in page and "Mark packed" not in page
    assert "This order is not ready to pack" in response.get_data(as_text=True)
    db.session.expire_all()
    assert shared.mine.status is Status.PENDING and _events(shared.mine) == []


def test_a_paid_orders_part_is_delivered_with_no_cash_to_give(app: Flask) -> None:
    shared = _shared(app, PaymentMethod.BANK_TRANSFER)
    mark_transfer_received(shared.order, actor=UserFactory(), now=now())
    shared.me.post(f"{shared.url}/pack")
    shared.me.post(f"{shared.url}/ship", data={"carrier": "GHTK", "tracking_number": "S1"})
    page = shared.me.get(shared.url).get_data(as_text=True)

    response = shared.me.post(f"{shared.url}/deliver")

    assert "Nothing to collect on delivery." in page and "Cash collected (₫)" not in page
    assert response.status_code == 302
    db.session.expire_all()
    assert (shared.mine.status, shared.mine.cash_collected_vnd) == (Status.DELIVERED, None)
