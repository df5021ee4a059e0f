"""Stripe's events, applied at most once each: a repeat of a stored event id is ignored,
and every handler re-reads the session or charge from Stripe before acting (Stripe does
not promise the order of its events), then goes through the idempotent card fulfilment."""

import enum
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError

from storefront.extensions import db
from storefront.payments import stripe_gateway as gateway
from storefront.payments.card_fulfilment import apply_refunds, apply_session
from storefront.payments.models import CardPayment, StripeEvent


class Handled(enum.StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"  # this event id was applied before
    IGNORED = "ignored"  # a type the store does not act on


def _session_event(event: gateway.WebhookEvent, now: datetime) -> None:
    apply_session(gateway.retrieve_session(event.object_id), now=now)


def _charge_event(event: gateway.WebhookEvent, now: datetime) -> None:
    intent_id = gateway.retrieve_charge(event.object_id).payment_intent_id
    if intent_id is not None and not _payment_recorded(intent_id):
        # A refund may arrive before the payment's own event: apply its session first.
        session = gateway.session_of_payment(intent_id)
        if session is not None:
            apply_session(session, now=now)
    apply_refunds(intent_id, now=now)


def _payment_recorded(payment_intent_id: str) -> bool:
    return db.session.scalar(
        select(exists().where(CardPayment.payment_intent_id == payment_intent_id))
    )


HANDLERS: dict[str, Callable[[gateway.WebhookEvent, datetime], None]] = {
    "checkout.session.completed": _session_event,
    "checkout.session.async_payment_succeeded": _session_event,
    "checkout.session.async_payment_failed": _session_event,
    "checkout.session.expired": _session_event,
    "charge.refunded": _charge_event,
}


def handle_event(event: gateway.WebhookEvent, *, now: datetime) -> Handled:
    """Apply a verified event unless its id is stored; store it once applied. Commits.

    Two deliveries of one event at the same moment may both get past the first check;
    their handlers are idempotent, and the unique event id lets one of them store it.
    Raises StripeUnavailable when Stripe cannot be read: nothing is stored, and Stripe
    delivers the event again later.
    """
    handler = HANDLERS.get(event.type)
    if handler is None:
        return Handled.IGNORED
    if db.session.scalar(select(StripeEvent.id).where(StripeEvent.event_id == event.id)):
        return Handled.DUPLICATE
    handler(event, now)
    db.session.add(StripeEvent(event_id=event.id, type=event.type, received_at=now))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return Handled.DUPLICATE
    return Handled.APPLIED
