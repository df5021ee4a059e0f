"""Fulfilments: an order splits into one per producer (the combo's owner fulfils a combo
line), each moving pending → packed → shipped (carrier, tracking number) → delivered (for
cash on delivery, the cash collected). The order's status follows them through the
order's own state machine: processing once a producer starts, shipped when every part
has shipped, delivered when every part has arrived."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import select, update

from storefront.accounts.models import User
from storefront.coded_errors import CodedError
from storefront.extensions import db
from storefront.orders.models import (
    Fulfilment,
    FulfilmentEvent,
    FulfilmentStatus,
    Order,
    OrderStatus,
    PaymentMethod,
)
from storefront.orders.notifications import order_delivered, order_shipped
from storefront.orders.status import change_status

Status = FulfilmentStatus

# Moves a producer makes. A fulfilment is cancelled only with its order (status.py).
PRODUCER_MOVES: dict[FulfilmentStatus, FulfilmentStatus] = {
    Status.PENDING: Status.PACKED,
    Status.PACKED: Status.SHIPPED,
    Status.SHIPPED: Status.DELIVERED,
}
# Producers start once the order is settled: paid, or confirmed for cash on delivery.
READY = frozenset(
    {OrderStatus.CONFIRMED, OrderStatus.PAID, OrderStatus.PROCESSING, OrderStatus.SHIPPED}
)


class FulfilmentErrorCode(enum.StrEnum):
    INVALID_TRANSITION = "invalid_fulfilment_transition"
    NOT_READY = "order_not_ready"
    TRACKING_REQUIRED = "tracking_required"
    CASH_REQUIRED = "cash_required"


_MESSAGES: dict[FulfilmentErrorCode, LazyString] = {
    FulfilmentErrorCode.INVALID_TRANSITION: _l(
        "This part of the order cannot change that way now. Reload the page to see where it stands."
    ),
    FulfilmentErrorCode.NOT_READY: _l(
        "This order is not ready to pack: it is not paid yet, or it was cancelled."
    ),
    FulfilmentErrorCode.TRACKING_REQUIRED: _l("Give the carrier and the tracking number."),
    FulfilmentErrorCode.CASH_REQUIRED: _l(
        "Give the cash the courier collected, in đồng (0 when nothing was collected)."
    ),
}


class FulfilmentError(CodedError):
    code: FulfilmentErrorCode
    messages = _MESSAGES


def split_into_fulfilments(order: Order) -> None:
    """Give the new order one fulfilment per producer of its lines, each with what its
    courier collects on a cash-on-delivery order (the first also carries the shipping
    fee). Flushes."""
    parts: dict[int, Fulfilment] = {}
    for line in order.lines:
        part = parts.get(line.producer_id)
        if part is None:
            part = parts[line.producer_id] = Fulfilment(
                producer_id=line.producer_id,
                producer_name=line.producer_name,
                status=Status.PENDING,
                subtotal_vnd=0,
                collect_vnd=0,
                lines=[],
                events=[],
            )
            order.fulfilments.append(part)
        part.lines.append(line)
        part.subtotal_vnd += line.total_vnd
    if order.payment_method is PaymentMethod.COD:
        for index, part in enumerate(parts.values()):
            part.collect_vnd = part.subtotal_vnd + (order.shipping_vnd if index == 0 else 0)
    db.session.flush()


def pack(part: Fulfilment, *, actor: User, now: datetime) -> None:
    """The producer packed its part; the order is processing. Commits.
    Raises FulfilmentError."""
    _advance(part, Status.PACKED, actor=actor, now=now, stamps={"packed_at": now}, note="")


def ship(
    part: Fulfilment, *, actor: User, carrier: str, tracking_number: str, now: datetime
) -> None:
    """The producer handed its part to a carrier; when every part has shipped, so has the
    order. Commits. Raises FulfilmentError."""
    carrier, tracking_number = carrier.strip(), tracking_number.strip()
    if not carrier or not tracking_number:
        raise FulfilmentError(FulfilmentErrorCode.TRACKING_REQUIRED)
    _advance(
        part,
        Status.SHIPPED,
        actor=actor,
        now=now,
        stamps={"shipped_at": now, "carrier": carrier, "tracking_number": tracking_number},
        note=f"{carrier} {tracking_number}",
    )


def deliver(
    part: Fulfilment, *, actor: User, cash_collected_vnd: int | None, now: datetime
) -> None:
    """The part arrived; for cash on delivery, with the cash its courier collected. When
    every part has arrived, so has the order. Commits. Raises FulfilmentError."""
    stamps: dict[str, object] = {"delivered_at": now}
    note = ""
    if part.order.payment_method is PaymentMethod.COD:
        if cash_collected_vnd is None or cash_collected_vnd < 0:
            raise FulfilmentError(FulfilmentErrorCode.CASH_REQUIRED)
        stamps["cash_collected_vnd"] = cash_collected_vnd
        note = f"cash collected: {cash_collected_vnd} VND"
    _advance(part, Status.DELIVERED, actor=actor, now=now, stamps=stamps, note=note)


def _advance(
    part: Fulfilment,
    to: FulfilmentStatus,
    *,
    actor: User,
    now: datetime,
    stamps: dict[str, object],
    note: str,
) -> None:
    """Make the move as one conditional UPDATE (of two requests making it at once, one
    wins), record it, let the order follow, and commit.

    The order's row is locked first (PostgreSQL), as cancelling locks it before the
    fulfilments, so two producers shipping at once see each other's part and the order
    moves once every part has shipped.
    """
    current = part.status
    order_status = db.session.scalar(
        select(Order.status).where(Order.id == part.order_id).with_for_update()
    )
    if order_status not in READY:
        db.session.rollback()
        raise FulfilmentError(FulfilmentErrorCode.NOT_READY)
    if PRODUCER_MOVES.get(current) is not to:
        db.session.rollback()
        raise FulfilmentError(FulfilmentErrorCode.INVALID_TRANSITION)
    moved = db.session.execute(
        update(Fulfilment)
        .where(Fulfilment.id == part.id, Fulfilment.status == current)
        .values(status=to, **stamps)
        .execution_options(synchronize_session=False)
    ).rowcount
    if moved != 1:
        db.session.rollback()
        raise FulfilmentError(FulfilmentErrorCode.INVALID_TRANSITION)
    db.session.add(
        FulfilmentEvent(
            fulfilment_id=part.id,
            from_status=current,
            to_status=to,
            actor_id=actor.id,
            note=note,
            created_at=now,
        )
    )
    db.session.flush()
    db.session.refresh(part)
    _follow(part.order, actor=actor, now=now)
    if to is Status.SHIPPED:
        order_shipped(part)
    db.session.commit()


def _follow(order: Order, *, actor: User, now: datetime) -> None:
    """Move the order as far as its fulfilments have gone. Flushes."""
    db.session.refresh(order)
    parts = db.session.scalars(
        select(Fulfilment.status).where(
            Fulfilment.order_id == order.id, Fulfilment.status != Status.CANCELLED
        )
    ).all()
    steps = (
        (
            {OrderStatus.PAID, OrderStatus.CONFIRMED},
            OrderStatus.PROCESSING,
            any(status is not Status.PENDING for status in parts),
            "a producer started packing",
        ),
        (
            {OrderStatus.PROCESSING},
            OrderStatus.SHIPPED,
            all(status in (Status.SHIPPED, Status.DELIVERED) for status in parts),
            "every part has shipped",
        ),
        (
            {OrderStatus.SHIPPED},
            OrderStatus.DELIVERED,
            all(status is Status.DELIVERED for status in parts),
            "every part was delivered",
        ),
    )
    for before, to, reached, reason in steps:
        if order.status in before and reached:
            change_status(order, to, actor=actor, reason=reason, now=now)
            if to is OrderStatus.DELIVERED:
                order_delivered(order)
    if (
        order.status is OrderStatus.DELIVERED
        and order.payment_method is PaymentMethod.COD
        and order.paid_at is None
    ):
        order.paid_at = now  # the couriers collected the cash
        db.session.flush()
