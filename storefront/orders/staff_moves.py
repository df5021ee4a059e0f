"""What staff may do to an order by hand, each move with a reason: start it processing,
cancel it (its stock returns; a card payment is refunded), complete it, record a refund
made outside Stripe; and write internal notes. Shipping and delivery follow the producers'
fulfilments and payment follows the money, so staff do not set those by hand."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from storefront.accounts.models import User
from storefront.extensions import db
from storefront.orders.models import Order, OrderNote, OrderStatus, PaymentMethod
from storefront.orders.notifications import CancelCause, order_refunded
from storefront.orders.service import cancel_order
from storefront.orders.status import ALLOWED, InvalidTransition, change_status

BY_HAND = (
    OrderStatus.PROCESSING,
    OrderStatus.COMPLETED,
    OrderStatus.CANCELLED,
    OrderStatus.REFUNDED,
)


def moves_for_staff(order: Order) -> list[OrderStatus]:
    """The moves staff may make now, in the table's order. A card order is refunded through
    Stripe (the refund form), never marked refunded by hand."""
    return [
        to
        for to in BY_HAND
        if to in ALLOWED[order.status]
        and not (to is OrderStatus.REFUNDED and order.payment_method is PaymentMethod.CARD)
    ]


def move_by_staff(
    order: Order, to: OrderStatus, *, actor: User, reason: str, now: datetime
) -> bool:
    """Make the move and commit; False only when a cancelled card order's refund could not
    reach Stripe (reconcile makes it later). Raises InvalidTransition for a move staff may
    not make now, and when another request moved the order first."""
    if to not in moves_for_staff(order):
        raise InvalidTransition()
    if to is OrderStatus.CANCELLED:
        return cancel_order(order, actor=actor, reason=reason, cause=CancelCause.STAFF, now=now)
    change_status(order, to, actor=actor, reason=reason, now=now)
    if to is OrderStatus.REFUNDED:  # money given back outside Stripe: all of it
        order_refunded(order, amount_vnd=order.total_vnd, reason=reason)
    db.session.commit()
    return True


def add_note(order: Order, *, author: User, body: str, now: datetime) -> OrderNote:
    """Staff's internal note on the order, never shown to the buyer or producers."""
    note = OrderNote(order_id=order.id, author_id=author.id, body=body.strip(), created_at=now)
    db.session.add(note)
    db.session.commit()
    return note


def notes_of(order: Order) -> list[OrderNote]:
    """The order's notes, oldest first, with their authors (one query)."""
    return list(
        db.session.scalars(
            select(OrderNote)
            .where(OrderNote.order_id == order.id)
            .options(joinedload(OrderNote.author))
            .order_by(OrderNote.id)
        )
    )
