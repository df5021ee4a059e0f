"""Staff refund a card order, in full or in part; the total refunded never exceeds what was
captured (checked here, and by Stripe itself), and a refund pressed twice, even at the same
moment, is made once."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from storefront.accounts.models import User
from storefront.coded_errors import CodedError
from storefront.extensions import db
from storefront.money import format_vnd
from storefront.orders.models import Order
from storefront.orders.status import InvalidTransition
from storefront.payments import stripe_gateway as gateway
from storefront.payments.card_fulfilment import record_refund
from storefront.payments.card_records import checkout_of, payment_of
from storefront.payments.models import CardRefund


class RefundErrorCode(enum.StrEnum):
    NOT_PAID_BY_CARD = "not_paid_by_card"
    BAD_AMOUNT = "bad_amount"
    CHANGED = "changed"
    STRIPE_FAILED = "stripe_failed"


_MESSAGES: dict[RefundErrorCode, LazyString] = {
    RefundErrorCode.NOT_PAID_BY_CARD: _l("This order has no card payment to refund."),
    RefundErrorCode.BAD_AMOUNT: _l("Refund between 1 ₫ and %(most)s, what is left of the payment."),
    RefundErrorCode.CHANGED: _l(
        "A refund was made since this page was shown. Check what is left, then refund again."
    ),
    RefundErrorCode.STRIPE_FAILED: _l("Stripe did not make the refund: %(reason)s"),
}


class RefundError(CodedError):
    code: RefundErrorCode
    messages = _MESSAGES


def refund_order(
    order: Order,
    *,
    amount_vnd: int,
    reason: str,
    refunded_before: int,
    actor: User,
    now: datetime,
) -> None:
    """Refund `amount_vnd` of the order's card payment and record it; commits. A full
    refund makes the order refunded.

    `refunded_before` is what the staff member saw refunded already: a press made on an
    older view (a second click, another tab) is refused, and two presses of the same view
    at the same moment are one request (its key is unique), so one refund. Raises
    RefundError.
    """
    payment = payment_of(order)
    if payment is None:
        raise RefundError(RefundErrorCode.NOT_PAID_BY_CARD)
    if refunded_before != payment.refunded_vnd:
        raise RefundError(RefundErrorCode.CHANGED)
    if not 1 <= amount_vnd <= payment.refundable_vnd:
        raise RefundError(RefundErrorCode.BAD_AMOUNT, most=format_vnd(payment.refundable_vnd))
    key = f"ocop-refund-{payment.payment_intent_id}-{refunded_before}-{amount_vnd}"
    request = CardRefund(
        payment_id=payment.id,
        request_key=key,
        amount_vnd=amount_vnd,
        reason=reason,
        actor_id=actor.id,
        created_at=now,
    )
    db.session.add(request)
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise RefundError(RefundErrorCode.CHANGED) from error
    try:
        refund = gateway.create_refund(
            payment.payment_intent_id,
            amount=amount_vnd,
            idempotency_key=key,
            metadata={"request_key": key},
        )
    except gateway.StripeUnavailable as error:
        db.session.execute(  # no refund made: the same press may be tried again
            delete(CardRefund).where(
                CardRefund.id == request.id, CardRefund.stripe_refund_id.is_(None)
            )
        )
        db.session.commit()
        raise RefundError(RefundErrorCode.STRIPE_FAILED, reason=str(error)) from error
    try:
        record_refund(payment, refund, automatic=False, now=now)
        db.session.commit()
    except (IntegrityError, InvalidTransition):
        db.session.rollback()  # recorded at this moment from Stripe's event


def settle_cancelled_order(order: Order, *, now: datetime) -> bool:
    """After a card order is cancelled: its open Checkout Session is closed, so it can no
    longer be paid, and what it paid is refunded in full, once (the key is the order's).
    Commits. False when Stripe could not be reached: `flask payments reconcile` refunds it
    later (a payment that still arrives is refunded as late)."""
    try:
        checkout = checkout_of(order)
        if checkout is not None and checkout.status == "open":
            gateway.expire_session(checkout.session_id)
        payment = payment_of(order)
        if payment is None or payment.refundable_vnd <= 0:
            return True
        refund = gateway.create_refund(
            payment.payment_intent_id,
            amount=payment.refundable_vnd,
            idempotency_key=f"ocop-cancelled-{order.number}",
            metadata={"reason": "order cancelled"},
        )
    except gateway.StripeUnavailable:
        return False
    try:
        record_refund(payment, refund, automatic=True, now=now)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # recorded at this moment from Stripe's event
    return True
