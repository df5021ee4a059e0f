"""The order's state machine: the moves allowed from each status, and the one function that
makes a move: awaiting payment → paid (or confirmed, for cash on delivery) → processing →
shipped → delivered → completed; cancelled from any status before shipped; refunded after
paid."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import exists, select, update

from storefront.accounts.models import User
from storefront.coded_errors import CodedError
from storefront.extensions import db
from storefront.inventory.reservations import release
from storefront.orders.models import (
    Fulfilment,
    FulfilmentStatus,
    Order,
    OrderEvent,
    OrderStatus,
)

ALLOWED: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.AWAITING_PAYMENT: frozenset({OrderStatus.PAID, OrderStatus.CANCELLED}),
    OrderStatus.CONFIRMED: frozenset({OrderStatus.PROCESSING, OrderStatus.CANCELLED}),
    OrderStatus.PAID: frozenset(
        {OrderStatus.PROCESSING, OrderStatus.CANCELLED, OrderStatus.REFUNDED}
    ),
    OrderStatus.PROCESSING: frozenset(
        {OrderStatus.SHIPPED, OrderStatus.CANCELLED, OrderStatus.REFUNDED}
    ),
    OrderStatus.SHIPPED: frozenset({OrderStatus.DELIVERED, OrderStatus.REFUNDED}),
    OrderStatus.DELIVERED: frozenset({OrderStatus.COMPLETED, OrderStatus.REFUNDED}),
    OrderStatus.COMPLETED: frozenset({OrderStatus.REFUNDED}),
    OrderStatus.REFUNDED: frozenset(),
    OrderStatus.CANCELLED: frozenset(),
}

# Statuses whose orders still hold the stock they reserved. A refund gives back money,
# not goods: what a refunded order took stays taken unless staff return it to stock.
HOLDS_STOCK = frozenset(set(OrderStatus) - {OrderStatus.CANCELLED})
# A card payment refunded in full from these makes the order refunded.
REFUNDABLE = frozenset(status for status, moves in ALLOWED.items() if OrderStatus.REFUNDED in moves)
# The buyer may cancel until the producers start preparing the order.
BUYER_MAY_CANCEL = frozenset(
    {OrderStatus.AWAITING_PAYMENT, OrderStatus.CONFIRMED, OrderStatus.PAID}
)


class OrderErrorCode(enum.StrEnum):
    INVALID_TRANSITION = "invalid_transition"


_MESSAGES: dict[OrderErrorCode, LazyString] = {
    OrderErrorCode.INVALID_TRANSITION: _l(
        "This order cannot change that way now. Reload the page to see where it stands."
    ),
}


class InvalidTransition(CodedError):
    """The move is not in ALLOWED, or another request moved the order first."""

    code: OrderErrorCode
    messages = _MESSAGES

    def __init__(self) -> None:
        super().__init__(OrderErrorCode.INVALID_TRANSITION)


def change_status(
    order: Order, to: OrderStatus, *, actor: User | None, reason: str, now: datetime
) -> None:
    """Move the order to `to` and record the event; cancelling returns its stock and
    cancels its fulfilments, and is refused once any of them has shipped; a refund cancels
    the parts not yet shipped.

    The move is one conditional UPDATE on the status read, so of two requests making a
    move at once only one succeeds, and stock is returned once. Flushes, never commits.
    Raises InvalidTransition (the caller rolls back).
    """
    current = order.status
    if to not in ALLOWED[current]:
        raise InvalidTransition()
    stamps = {"paid_at": now} if to is OrderStatus.PAID else {}
    if to is OrderStatus.CANCELLED:
        stamps = {"cancelled_at": now}
    moved = db.session.execute(
        update(Order)
        .where(Order.id == order.id, Order.status == current)
        .values(status=to, **stamps)
        .execution_options(synchronize_session=False)
    ).rowcount
    if moved != 1:
        raise InvalidTransition()
    if to is OrderStatus.CANCELLED and _cancel_fulfilments(order.id) is False:
        raise InvalidTransition()
    if to is OrderStatus.REFUNDED:
        _cancel_unsent_parts(order.id)
    db.session.add(
        OrderEvent(
            order_id=order.id,
            from_status=current,
            to_status=to,
            actor_id=actor.id if actor else None,
            reason=reason,
            created_at=now,
        )
    )
    if to is OrderStatus.CANCELLED:
        release(order.id)
    db.session.flush()
    db.session.refresh(order)


def _cancel_fulfilments(order_id: int) -> bool:
    """Cancel the order's fulfilments; False when a part has already shipped. Run after the
    order's row is updated (so locked), a producer shipping at that moment waits for it."""
    shipped = db.session.scalar(
        select(
            exists().where(
                Fulfilment.order_id == order_id,
                Fulfilment.status.in_((FulfilmentStatus.SHIPPED, FulfilmentStatus.DELIVERED)),
            )
        )
    )
    if shipped:
        return False
    _cancel_unsent_parts(order_id)
    return True


def _cancel_unsent_parts(order_id: int) -> None:
    """Parts not yet handed to a carrier are not to be sent any more."""
    db.session.execute(
        update(Fulfilment)
        .where(
            Fulfilment.order_id == order_id,
            Fulfilment.status.in_((FulfilmentStatus.PENDING, FulfilmentStatus.PACKED)),
        )
        .values(status=FulfilmentStatus.CANCELLED)
        .execution_options(synchronize_session=False)
    )
