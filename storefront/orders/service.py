"""Use cases of an order's life so far: staff mark a bank transfer received; an order is
cancelled; unpaid bank-transfer orders lapse. Each commits."""

import logging
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select, update

from storefront.accounts.models import User
from storefront.extensions import db
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from storefront.orders.notifications import (
    CancelCause,
    order_cancelled,
    order_confirmed,
    unpaid_cause,
)
from storefront.orders.status import InvalidTransition, change_status
from storefront.payments.refunds import settle_cancelled_order

log = logging.getLogger(__name__)


def mark_transfer_received(order: Order, *, actor: User, now: datetime) -> None:
    """Staff saw the transfer arrive: the order is paid (a shop's invoice: settled, the
    order going on where it is). Raises InvalidTransition when the order is not a bank
    transfer awaiting payment, nor an open unpaid invoice."""
    if order.payment_method is PaymentMethod.INVOICE:
        _settle_invoice(order, now=now)
        log.info("invoice of order %s paid, marked by user %s", order.number, actor.id)
        db.session.commit()
        return
    if order.payment_method is not PaymentMethod.BANK_TRANSFER:
        raise InvalidTransition()
    change_status(order, OrderStatus.PAID, actor=actor, reason="bank transfer received", now=now)
    order_confirmed(order)
    db.session.commit()


def _settle_invoice(order: Order, *, now: datetime) -> None:
    """One conditional UPDATE: of two staff marking it at once, the second is refused."""
    settled = db.session.execute(
        update(Order)
        .where(
            Order.id == order.id,
            Order.paid_at.is_(None),
            Order.status.not_in((OrderStatus.CANCELLED, OrderStatus.REFUNDED)),
        )
        .values(paid_at=now)
        .execution_options(synchronize_session=False)
    )
    if settled.rowcount != 1:
        db.session.rollback()
        raise InvalidTransition()
    db.session.refresh(order)


def cancel_order(
    order: Order,
    *,
    actor: User | None,
    reason: str,
    now: datetime,
    cause: CancelCause = CancelCause.BUYER,
) -> bool:
    """Cancel the order and return its stock, once, and mail the buyer why (`cause`; for
    staff, `reason` is what they typed); a card order's Stripe session is closed and its
    payment refunded. False when Stripe could not be reached for that (the order is
    cancelled all the same; reconcile refunds it later). Raises InvalidTransition, also to
    the second of two requests cancelling at once."""
    change_status(order, OrderStatus.CANCELLED, actor=actor, reason=reason, now=now)
    order_cancelled(order, reason=cause, staff_note=reason)
    db.session.commit()
    if order.payment_method is PaymentMethod.CARD:
        return settle_cancelled_order(order, now=now)
    return True


def release_expired(*, now: datetime) -> list[str]:
    """Cancel every bank-transfer order still unpaid at its deadline and return its stock;
    the numbers of the orders this run cancelled.

    Safe to run in several processes at once: each order is cancelled by whichever run
    wins its conditional status change; the others skip it.
    """
    due = db.session.scalars(
        select(Order)
        .where(
            Order.status == OrderStatus.AWAITING_PAYMENT,
            Order.payment_method == PaymentMethod.BANK_TRANSFER,
            Order.payment_due_at <= now,
        )
        .order_by(Order.id)
    ).all()
    return lapse(due, reason="bank transfer not received", now=now)


def lapse(orders: Iterable[Order], *, reason: str, now: datetime) -> list[str]:
    """Cancel each order, unpaid at its deadline, return its stock and mail the buyer,
    each in a transaction of its own; the numbers of those this call cancelled. An order
    another process moved meanwhile is skipped (its conditional status change fails)."""
    cancelled = []
    for order in orders:
        try:
            change_status(order, OrderStatus.CANCELLED, actor=None, reason=reason, now=now)
        except InvalidTransition:
            db.session.rollback()
            continue
        order_cancelled(order, reason=unpaid_cause(order))
        db.session.commit()
        cancelled.append(order.number)
    return cancelled
