"""Applying what Stripe says about a card order, whoever asks (the webhook, the success
page, `flask payments reconcile`) and however often: the one idempotent path from a
Checkout Session's state to the order's.

Each call re-reads nothing itself: it is given Stripe's current state and moves the order
only forwards. Paid, the order is marked paid once (a conditional status change), the
payment recorded and the confirmation mailed in the same transaction; expired or failed,
the unpaid order is cancelled, its stock returned and its buyer mailed once; money that
arrives for an order no longer waiting for it is refunded, once, and staff are told.
"""

import enum
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from storefront.accounts.models import Role, User
from storefront.extensions import db
from storefront.mail.outbox import queue_mail
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from storefront.orders.notifications import CancelCause, order_cancelled
from storefront.orders.status import REFUNDABLE, InvalidTransition, change_status
from storefront.payments import stripe_gateway as gateway
from storefront.payments.card_checkout import adopt_session
from storefront.payments.card_records import checkout_of
from storefront.payments.models import CardCheckout, CardPayment, CardRefund

ATTEMPTS = 3  # a lost race is read again: the second reading sees the winner's work


class Outcome(enum.StrEnum):
    PAID = "paid"  # this call marked the order paid
    UNCHANGED = "unchanged"  # the order already stands where Stripe says
    WAITING = "waiting"  # Stripe still waits for the money (open, or a slow method)
    CANCELLED = "cancelled"  # expired or failed: this call cancelled the order
    REFUNDED = "refunded"  # money came for an order no longer waiting for it: given back
    UNKNOWN = "unknown"  # not a session of ours


def apply_session(state: gateway.SessionState, *, now: datetime) -> Outcome:
    """Bring the session's order to where Stripe's session says it stands; commits.
    Raises StripeUnavailable (only when a late payment must be refunded)."""
    for _attempt in range(ATTEMPTS):
        try:
            return _apply(state, now)
        except (InvalidTransition, IntegrityError):
            db.session.rollback()
    return Outcome.UNCHANGED


def _apply(state: gateway.SessionState, now: datetime) -> Outcome:
    order = _order_of(state)
    if order is None:
        return Outcome.UNKNOWN
    _note_status(state)
    if state.paid:
        return _take_payment(order, state, now)
    outcome = Outcome.WAITING
    if state.status == "expired" or state.payment_failed:
        outcome = Outcome.UNCHANGED
        if order.status is OrderStatus.AWAITING_PAYMENT and _owns(order, state):
            reason = "card payment failed" if state.payment_failed else "card payment not made"
            change_status(order, OrderStatus.CANCELLED, actor=None, reason=reason, now=now)
            order_cancelled(order, reason=CancelCause.CARD_NOT_PAID)
            outcome = Outcome.CANCELLED
    db.session.commit()
    return outcome


def _order_of(state: gateway.SessionState) -> Order | None:
    """The card order the session pays: known by its session, or by the session's metadata
    when Stripe's answer to creating it was lost (the session is then adopted)."""
    checkout = db.session.scalar(select(CardCheckout).where(CardCheckout.session_id == state.id))
    if checkout is not None:
        return checkout.order
    order = db.session.get(Order, state.order_id) if state.order_id else None
    if order is None or order.payment_method is not PaymentMethod.CARD:
        return None
    if order.status is OrderStatus.AWAITING_PAYMENT and state.status != "expired":
        adopt_session(order, state)
    return order


def _note_status(state: gateway.SessionState) -> None:
    """Keep the session's status as Stripe last said (the order page shows it)."""
    db.session.execute(
        update(CardCheckout)
        .where(CardCheckout.session_id == state.id, CardCheckout.status != state.status)
        .values(status=state.status)
    )


def _owns(order: Order, state: gateway.SessionState) -> bool:
    checkout = checkout_of(order)
    return checkout is not None and checkout.session_id == state.id


def _take_payment(order: Order, state: gateway.SessionState, now: datetime) -> Outcome:
    payment = db.session.scalar(select(CardPayment).where(CardPayment.session_id == state.id))
    if payment is None:
        waiting = order.status is OrderStatus.AWAITING_PAYMENT and _owns(order, state)
        payment = CardPayment(
            order_id=order.id,
            session_id=state.id,
            payment_intent_id=state.payment_intent_id or state.id,
            amount_vnd=state.amount_total,
            currency=state.currency,
            received_at=now,
            late=not waiting,
        )
        db.session.add(payment)
        db.session.flush()
        if waiting:
            change_status(order, OrderStatus.PAID, actor=None, reason="card payment", now=now)
            queue_mail(
                to=order.email,
                template="order_placed",
                locale=order.locale,
                order=order,
                transfer=None,
            )
            db.session.commit()
            return Outcome.PAID
    db.session.commit()
    if payment.late and payment.refundable_vnd > 0:
        _refund_late(payment, now)
        return Outcome.REFUNDED
    return Outcome.UNCHANGED


def _refund_late(payment: CardPayment, now: datetime) -> None:
    """Give back a payment its order no longer waited for (cancelled, or paid by another
    session); the key is the payment's own, so however often this runs, Stripe refunds once."""
    refund = gateway.create_refund(
        payment.payment_intent_id,
        amount=payment.refundable_vnd,
        idempotency_key=f"ocop-late-payment-{payment.session_id}",
        metadata={"reason": "payment arrived after the order was closed"},
    )
    if record_refund(payment, refund, automatic=True, now=now):
        for staff in db.session.scalars(
            select(User).where(User.role == Role.STAFF, User.active.is_(True))
        ):
            queue_mail(
                to=staff.email,
                template="late_card_payment",
                locale=staff.locale,
                order=payment.order,
                amount_vnd=refund.amount,
            )
    db.session.commit()


def record_refund(
    payment: CardPayment, refund: gateway.RefundState, *, automatic: bool, now: datetime
) -> bool:
    """Record a refund Stripe made, once: False when it is already recorded or did not go
    through. A staff request (its key in the refund's metadata) gets the Stripe id and
    keeps its author and reason; any other refund is recorded as new. A paid order
    refunded in full becomes refunded; the buyer is mailed. Flushes."""
    if refund.status not in ("succeeded", "pending") or db.session.scalar(
        select(CardRefund.id).where(CardRefund.stripe_refund_id == refund.id)
    ):
        return False
    requested = (
        db.session.scalar(select(CardRefund).where(CardRefund.request_key == refund.request_key))
        if refund.request_key
        else None
    )
    if requested is None:
        actor = None
        payment.refunds.append(
            CardRefund(
                stripe_refund_id=refund.id,
                amount_vnd=refund.amount,
                reason=refund.reason,
                automatic=automatic,
                created_at=now,
            )
        )
    else:
        claimed = db.session.execute(
            update(CardRefund)
            .where(CardRefund.id == requested.id, CardRefund.stripe_refund_id.is_(None))
            .values(stripe_refund_id=refund.id, amount_vnd=refund.amount)
        ).rowcount
        if claimed != 1:
            return False  # Stripe's answer and its event: the other one recorded it
        actor = requested.actor
    db.session.flush()
    db.session.expire(payment, ["refunds"])
    order = payment.order
    if not payment.late and payment.refundable_vnd <= 0 and order.status in REFUNDABLE:
        change_status(order, OrderStatus.REFUNDED, actor=actor, reason="refunded in full", now=now)
    queue_mail(
        to=order.email,
        template="card_refund",
        locale=order.locale,
        order=order,
        amount_vnd=refund.amount,
        late=payment.late,
    )
    return True


def apply_refunds(payment_intent_id: str | None, *, now: datetime) -> int:
    """Record every refund Stripe holds for the payment that is not recorded yet (made
    from Stripe's dashboard, or whose answer was lost); how many. Commits. Raises
    StripeUnavailable."""
    payment = db.session.scalar(
        select(CardPayment).where(CardPayment.payment_intent_id == payment_intent_id)
    )
    if payment is None:
        return 0
    recorded = 0
    for refund in gateway.refunds_of(payment.payment_intent_id):
        try:
            recorded += record_refund(payment, refund, automatic=False, now=now)
            db.session.commit()
        except (IntegrityError, InvalidTransition):
            db.session.rollback()  # recorded at this moment by another request
    return recorded
