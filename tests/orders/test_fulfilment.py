"""An order splits into one fulfilment per producer; each moves pending → packed → shipped
→ delivered, and the order's status follows them through its own state machine."""

import pytest
from sqlalchemy import select

from storefront.extensions import db
from storefront.orders.fulfilment import FulfilmentError, FulfilmentErrorCode, deliver, pack, ship
from storefront.orders.models import (
    FulfilmentEvent,
    FulfilmentStatus,
    OrderEvent,
    OrderStatus,
    PaymentMethod,
)
from storefront.orders.service import cancel_order, mark_transfer_received
from storefront.orders.status import InvalidTransition, change_status
from tests.factories import UserFactory
from tests.shopping import now, two_producer_order

Status = FulfilmentStatus


@pytest.fixture
def people(app):
    from tests.shopping import shipping_table

    shipping_table()
    return UserFactory(), UserFactory()


pytestmark = pytest.mark.usefixtures("on_both_databases")


def test_an_order_splits_into_one_fulfilment_per_producer_with_its_own_lines(people) -> None:
    order = two_producer_order()

    parts = order.fulfilments
    assert [len(part.lines) for part in parts] == [1, 1]
    assert {part.producer_id for part in parts} == {line.producer_id for line in order.lines}
    for part in parts:
        assert all(line.producer_id == part.producer_id for line in part.lines)
        assert part.subtotal_vnd == sum(line.total_vnd for line in part.lines)
        assert part.status is Status.PENDING
    # Cash on delivery: the couriers together collect the order's total, shipping once.
    assert sum(part.collect_vnd for part in parts) == order.total_vnd
    assert parts[0].collect_vnd == parts[0].subtotal_vnd + order.shipping_vnd


def test_a_paid_order_collects_no_cash(people) -> None:
    order = two_producer_order(PaymentMethod.BANK_TRANSFER)

    assert [part.collect_vnd for part in order.fulfilments] == [0, 0]


def test_the_order_follows_its_fulfilments_to_shipped_then_delivered(people) -> None:
    first_packer, second_packer = people
    order = two_producer_order()
    one, two = order.fulfilments

    pack(one, actor=first_packer, now=now())
    assert order.status is OrderStatus.PROCESSING
    ship(one, actor=first_packer, carrier="GHN", tracking_number="GHN123", now=now())
    assert order.status is OrderStatus.PROCESSING  # the other part has not shipped
    pack(two, actor=second_packer, now=now())
    ship(two, actor=second_packer, carrier="Viettel Post", tracking_number="VT9", now=now())
    assert order.status is OrderStatus.SHIPPED
    deliver(one, actor=first_packer, cash_collected_vnd=one.collect_vnd, now=now())
    assert order.status is OrderStatus.SHIPPED and order.paid_at is None
    deliver(two, actor=second_packer, cash_collected_vnd=two.collect_vnd, now=now())

    assert order.status is OrderStatus.DELIVERED and order.paid_at is not None
    assert (one.carrier, one.tracking_number, one.cash_collected_vnd) == (
        "GHN",
        "GHN123",
        one.collect_vnd,
    )
    moves = db.session.scalars(select(OrderEvent.to_status).where(OrderEvent.order_id == order.id))
    assert list(moves) == [
        OrderStatus.CONFIRMED,
        OrderStatus.PROCESSING,
        OrderStatus.SHIPPED,
        OrderStatus.DELIVERED,
    ]
    recorded = db.session.scalars(
        select(FulfilmentEvent).where(FulfilmentEvent.fulfilment_id == one.id)
    ).all()
    assert [(e.from_status, e.to_status, e.actor_id) for e in recorded] == [
        (Status.PENDING, Status.PACKED, first_packer.id),
        (Status.PACKED, Status.SHIPPED, first_packer.id),
        (Status.SHIPPED, Status.DELIVERED, first_packer.id),
    ]
    assert recorded[1].note == "GHN GHN123"


@pytest.mark.parametrize(
    ("moves", "refused"),
    [
        ([], "ship"),  # not packed yet
        ([], "deliver"),
        (["pack"], "pack"),  # twice
        (["pack"], "deliver"),  # not shipped
        (["pack", "ship"], "pack"),
        (["pack", "ship", "deliver"], "ship"),
    ],
)
def test_a_fulfilment_moves_only_forward_one_step_at_a_time(people, moves, refused) -> None:
    packer, _ = people
    order = two_producer_order()
    part = order.fulfilments[0]
    steps = {
        "pack": lambda: pack(part, actor=packer, now=now()),
        "ship": lambda: ship(part, actor=packer, carrier="GHN", tracking_number="1", now=now()),
        "deliver": lambda: deliver(part, actor=packer, cash_collected_vnd=0, now=now()),
    }
    for move in moves:
        steps[move]()
    before = part.status

    with pytest.raises(FulfilmentError) as error:
        steps[refused]()

    assert error.value.code is FulfilmentErrorCode.INVALID_TRANSITION
    db.session.expire_all()
    assert part.status is before


def test_an_unpaid_order_cannot_be_packed(people) -> None:
    packer, staff = people
    order = two_producer_order(PaymentMethod.BANK_TRANSFER)
    part = order.fulfilments[0]

    with pytest.raises(FulfilmentError) as error:
        pack(part, actor=packer, now=now())
    assert error.value.code is FulfilmentErrorCode.NOT_READY
    assert part.status is Status.PENDING

    mark_transfer_received(order, actor=staff, now=now())
    pack(part, actor=packer, now=now())
    assert part.status is Status.PACKED and order.status is OrderStatus.PROCESSING


def test_shipping_needs_a_carrier_and_tracking_number_and_cod_delivery_the_cash(people) -> None:
    packer, _ = people
    part = two_producer_order().fulfilments[0]
    pack(part, actor=packer, now=now())

    with pytest.raises(FulfilmentError) as no_tracking:
        ship(part, actor=packer, carrier="GHN", tracking_number="  ", now=now())
    ship(part, actor=packer, carrier="GHN", tracking_number="A1", now=now())
    with pytest.raises(FulfilmentError) as no_cash:
        deliver(part, actor=packer, cash_collected_vnd=None, now=now())

    assert no_tracking.value.code is FulfilmentErrorCode.TRACKING_REQUIRED
    assert no_cash.value.code is FulfilmentErrorCode.CASH_REQUIRED
    assert part.status is Status.SHIPPED


def test_cancelling_cancels_the_fulfilments_and_is_refused_once_a_part_has_shipped(
    people,
) -> None:
    packer, _ = people
    early = two_producer_order()
    late = two_producer_order()

    cancel_order(early, actor=None, reason="changed my mind", now=now())
    pack(late.fulfilments[0], actor=packer, now=now())
    ship(late.fulfilments[0], actor=packer, carrier="GHN", tracking_number="1", now=now())
    with pytest.raises(InvalidTransition):
        cancel_order(late, actor=None, reason="too late", now=now())
    db.session.rollback()

    assert [part.status for part in early.fulfilments] == [Status.CANCELLED] * 2
    db.session.expire_all()
    assert late.status is OrderStatus.PROCESSING
    assert [part.status for part in late.fulfilments] == [Status.SHIPPED, Status.PENDING]
    with pytest.raises(FulfilmentError) as error:
        pack(early.fulfilments[0], actor=packer, now=now())
    assert error.value.code is FulfilmentErrorCode.NOT_READY


def test_a_refund_stops_the_parts_not_yet_shipped(people) -> None:
    packer, staff = people
    order = two_producer_order(PaymentMethod.BANK_TRANSFER)
    mark_transfer_received(order, actor=staff, now=now())
    sent, unsent = order.fulfilments
    pack(sent, actor=packer, now=now())
    ship(sent, actor=packer, carrier="GHN", tracking_number="1", now=now())
    pack(unsent, actor=packer, now=now())

    change_status(order, OrderStatus.REFUNDED, actor=staff, reason="returned", now=now())
    db.session.commit()

    db.session.expire_all()
    assert [part.status for part in order.fulfilments] == [Status.SHIPPED, Status.CANCELLED]
