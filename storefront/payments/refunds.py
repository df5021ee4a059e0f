"""Staff refund a card order, in full or in part; the total refunded never exceeds what was
captured (checked here, and by Stripe itself), and a refund pressed twice, even at the same
moment, is made once: both presses send Stripe the same idempotency key."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy.exc import IntegrityError

from storefront.accounts.models import User
from storefront.coded_errors import CodedError
from storefront.extensions import db
from storefront.money import format_vnd
from storefront.orders.models import Order
from storefront.orders.status import InvalidTransition
from storefront.payments import stripe_gateway as gateway
from storefront.payments.card_fulfilment import record_refund
from storefront.payments.card_records import payment_of
from storefront.payments.models import CardPayment


class RefundErrorCode(enum.StrEnum):
    NOT_PAID_BY_CARD = "not_paid_by_card"
    BAD_AMOUNT = "bad_amount"
    STRIPE_FAILED = "stripe_failed"


_MESSAGES: dict[RefundErrorCode, LazyString] = {
    RefundErrorCode.NOT_PAID_BY_CARD: _l("This order has no card payment to refund."),
    RefundErrorCode.BAD_AMOUNT: _l("Refund between 1 ₫ and %(most)s, what is left of the payment."),
    RefundErrorCode.STRIPE_FAILED: _l("Stripe did not make the refund: %(reason)s"),
}


class RefundError(CodedError):
    code: RefundErrorCode
    messages = _MESSAGES


def refund_order(
    order: Order, *, amount_vnd: int, reason: str, actor: User, now: datetime
) -> CardPayment:
    """Refund `amount_vnd` of the order's card payment and record it; commits. A full
    refund makes the order refunded. Raises RefundError."""
    payment = payment_of(order)
    if payment is None:
        raise RefundError(RefundErrorCode.NOT_PAID_BY_CARD)
    if not 1 <= amount_vnd <= payment.refundable_vnd:
        raise RefundError(RefundErrorCode.BAD_AMOUNT, most=format_vnd(payment.refundable_vnd))
    try:
        refund = gateway.create_refund(
            payment.payment_intent_id,
            amount=amount_vnd,
            reason=reason,
            # What was refunded before and this amount: the same press, repeated, is one.
            idempotency_key=(
                f"ocop-refund-{payment.payment_intent_id}-{payment.refunded_vnd}-{amount_vnd}"
            ),
        )
    except gateway.StripeUnavailable as error:
        raise RefundError(RefundErrorCode.STRIPE_FAILED, reason=str(error)) from error
    try:
        record_refund(payment, refund, actor=actor, automatic=False, now=now, reason=reason)
        db.session.commit()
    except (IntegrityError, InvalidTransition):
        db.session.rollback()  # the same refund, recorded at this moment by another request
    db.session.refresh(payment)
    return payment
