"""Catching up with Stripe after an outage longer than its retries: every recent Checkout
Session is applied as if its event had come, the refunds of recent payments are read
again, and a card order whose session never reached Stripe lapses at its deadline."""

from collections import Counter
from datetime import datetime

from sqlalchemy import select

from storefront.extensions import db
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from storefront.orders.service import lapse
from storefront.payments import stripe_gateway as gateway
from storefront.payments.card_fulfilment import Outcome, apply_refunds, apply_session
from storefront.payments.card_records import payment_of
from storefront.payments.models import CardCheckout, CardPayment
from storefront.payments.refunds import settle_cancelled_order


def reconcile(*, since: datetime, now: datetime) -> Counter:
    """How many sessions ended in each outcome, plus "refunds" recorded and "lapsed"
    orders. Commits. Safe to run while events arrive: every step is idempotent. Raises
    StripeUnavailable."""
    report: Counter = Counter()
    for state in gateway.recent_sessions(since):
        report[apply_session(state, now=now)] += 1
    intents = db.session.scalars(
        select(CardPayment.payment_intent_id).where(CardPayment.received_at >= since)
    ).all()
    for intent in intents:
        report["refunds"] += apply_refunds(intent, now=now)
    report["refunds"] += _refund_cancelled_orders(since, now)
    report["lapsed"] = _lapse_orders_without_session(now)
    return report


def _refund_cancelled_orders(since: datetime, now: datetime) -> int:
    """Refund the card orders cancelled while Stripe could not be reached; how many."""
    cancelled = db.session.scalars(
        select(Order)
        .join(CardPayment, CardPayment.order_id == Order.id)
        .where(
            Order.status == OrderStatus.CANCELLED,
            CardPayment.late.is_(False),
            CardPayment.received_at >= since,
        )
        .order_by(Order.id)
    ).all()
    refunded = 0
    for order in cancelled:
        payment = payment_of(order)
        if payment is not None and payment.refundable_vnd > 0:
            refunded += settle_cancelled_order(order, now=now)
    return refunded


def _lapse_orders_without_session(now: datetime) -> int:
    """Cancel card orders past their deadline that no session of Stripe's pays (none was
    found above): their stock returns."""
    orphans = db.session.scalars(
        select(Order)
        .outerjoin(CardCheckout, CardCheckout.order_id == Order.id)
        .where(
            Order.payment_method == PaymentMethod.CARD,
            Order.status == OrderStatus.AWAITING_PAYMENT,
            Order.payment_due_at <= now,
            CardCheckout.id.is_(None),
        )
        .order_by(Order.id)
    ).all()
    return len(lapse(orphans, reason="card payment never started", now=now))


def describe(report: Counter) -> str:
    """The report in words, for the command line."""
    sessions = ", ".join(f"{report[each]} {each.value}" for each in Outcome if report[each])
    return (
        f"Sessions: {sessions or 'none'}; {report['refunds']} refunds recorded; "
        f"{report['lapsed']} orders lapsed"
    )
