"""The one module that talks to Stripe (and imports `stripe`). It speaks in plain values:
the rest of the store never sees a Stripe object, only the states below.

Settings: STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (without both, card payment is not
offered), STRIPE_API_BASE (another server speaking Stripe's API: the tests' fake),
STRIPE_TIMEOUT_SECONDS and STRIPE_NETWORK_RETRIES. A call that times out or loses its
connection is retried by the library with the same idempotency key.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

import stripe
from flask import current_app

# Stripe's own wording for the states we act on.
PAID_STATES = frozenset({"paid", "no_payment_required"})
WEBHOOK_TOLERANCE_SECONDS = 300

T = TypeVar("T")


class StripeUnavailable(Exception):
    """Stripe could not be reached, or refused the request; the message says why."""


class InvalidWebhook(Exception):
    """A webhook whose signature, timestamp or body does not verify."""


@dataclass(frozen=True)
class NewSession:
    """What a Checkout Session is asked for: one line per order line plus shipping."""

    order_id: int
    order_number: str
    lines: tuple[tuple[str, int, int], ...]  # (name, unit amount in đồng, quantity)
    email: str
    locale: str
    success_url: str
    cancel_url: str
    expires_at: datetime
    idempotency_key: str


@dataclass(frozen=True)
class SessionState:
    id: str
    url: str | None
    status: str  # open, complete or expired
    payment_status: str  # paid, unpaid or no_payment_required
    order_id: int | None  # from the session's metadata
    amount_total: int
    currency: str
    expires_at: datetime
    created: datetime
    payment_intent_id: str | None
    payment_failed: bool  # an asynchronous payment that failed: nothing will come

    @property
    def paid(self) -> bool:
        return self.payment_status in PAID_STATES


@dataclass(frozen=True)
class RefundState:
    id: str
    amount: int
    status: str  # pending, succeeded, failed, canceled, requires_action
    reason: str
    request_key: str | None  # the store's request it answers (from its metadata)


@dataclass(frozen=True)
class ChargeState:
    id: str
    payment_intent_id: str | None
    amount: int
    amount_refunded: int


@dataclass(frozen=True)
class WebhookEvent:
    id: str
    type: str
    object_type: str  # "checkout.session", "charge"...
    object_id: str
    payment_intent_id: str | None  # a charge's, to find its order


def configured(config: Mapping) -> bool:
    """Whether card payment can be offered: Stripe's keys are set."""
    return bool(config.get("STRIPE_SECRET_KEY") and config.get("STRIPE_WEBHOOK_SECRET"))


def _client() -> stripe.StripeClient:
    config = current_app.config
    base = config.get("STRIPE_API_BASE")
    return stripe.StripeClient(
        config["STRIPE_SECRET_KEY"],
        base_addresses={"api": base} if base else None,
        max_network_retries=config["STRIPE_NETWORK_RETRIES"],
        http_client=stripe.RequestsClient(timeout=config["STRIPE_TIMEOUT_SECONDS"]),
    )


def _timestamp(value: int) -> datetime:
    return datetime.fromtimestamp(value, UTC).replace(tzinfo=None)


def _call(action: Callable[..., T], *args: object, **kwargs: object) -> T:
    try:
        return action(*args, **kwargs)
    except stripe.StripeError as error:
        raise StripeUnavailable(error.user_message or str(error)) from error


def _metadata(found: stripe.StripeObject) -> dict[str, str]:
    return found.metadata.to_dict() if found.metadata else {}


def _session_state(session: stripe.checkout.Session) -> SessionState:
    intent = session.payment_intent
    intent_id = intent if isinstance(intent, str) or intent is None else intent.id
    failed = (
        not isinstance(intent, str | None)
        and intent.status == "requires_payment_method"
        and intent.last_payment_error is not None
    )
    order = _metadata(session).get("order_id", "")
    return SessionState(
        id=session.id,
        url=session.url,
        status=session.status,
        payment_status=session.payment_status,
        order_id=int(order) if order.isdigit() else None,
        amount_total=session.amount_total or 0,
        currency=session.currency or "",
        expires_at=_timestamp(session.expires_at),
        created=_timestamp(session.created),
        payment_intent_id=intent_id,
        payment_failed=failed,
    )


def create_session(new: NewSession) -> SessionState:
    """Create the Checkout Session in VND (zero-decimal: amounts are whole đồng).
    Raises StripeUnavailable."""
    params = {
        "mode": "payment",
        "line_items": [
            {
                "price_data": {
                    "currency": "vnd",
                    "unit_amount": amount,
                    "product_data": {"name": name},
                },
                "quantity": quantity,
            }
            for name, amount, quantity in new.lines
        ],
        "client_reference_id": new.order_number,
        "metadata": {"order_id": str(new.order_id), "order_number": new.order_number},
        "payment_intent_data": {
            "metadata": {"order_id": str(new.order_id), "order_number": new.order_number}
        },
        "customer_email": new.email,
        "locale": new.locale,
        "success_url": new.success_url,
        "cancel_url": new.cancel_url,
        "expires_at": int(new.expires_at.replace(tzinfo=UTC).timestamp()),
    }
    session = _call(
        _client().v1.checkout.sessions.create,
        params=params,
        options={"idempotency_key": new.idempotency_key},
    )
    return _session_state(session)


def retrieve_session(session_id: str) -> SessionState:
    """The session as Stripe has it now, with its payment's outcome. Raises
    StripeUnavailable (also for an id Stripe does not know)."""
    session = _call(
        _client().v1.checkout.sessions.retrieve,
        session_id,
        params={"expand": ["payment_intent"]},
    )
    return _session_state(session)


def recent_sessions(since: datetime) -> list[SessionState]:
    """Every Checkout Session created since then, newest first. Raises StripeUnavailable."""
    return _every(
        _client().v1.checkout.sessions.list,
        {
            "created": {"gte": int(since.replace(tzinfo=UTC).timestamp())},
            "limit": 100,
            "expand": ["data.payment_intent"],
        },
        _session_state,
    )


def session_of_payment(payment_intent_id: str) -> SessionState | None:
    """The Checkout Session in which the payment was made, if any. Raises StripeUnavailable."""
    page = _call(
        _client().v1.checkout.sessions.list,
        params={
            "payment_intent": payment_intent_id,
            "limit": 1,
            "expand": ["data.payment_intent"],
        },
    )
    return next((_session_state(session) for session in page.data), None)


def expire_session(session_id: str) -> None:
    """Close an open session so it can no longer be paid. Raises StripeUnavailable (also
    when the session is no longer open)."""
    _call(_client().v1.checkout.sessions.expire, session_id)


def retrieve_charge(charge_id: str) -> ChargeState:
    """Raises StripeUnavailable."""
    charge = _call(_client().v1.charges.retrieve, charge_id)
    intent = charge.payment_intent
    return ChargeState(
        id=charge.id,
        payment_intent_id=intent if isinstance(intent, str | None) else intent.id,
        amount=charge.amount,
        amount_refunded=charge.amount_refunded,
    )


def refunds_of(payment_intent_id: str) -> list[RefundState]:
    """Every refund of the payment, as Stripe has them now. Raises StripeUnavailable."""
    return _every(
        _client().v1.refunds.list,
        {"payment_intent": payment_intent_id, "limit": 100},
        _refund_state,
    )


def _every(
    listing: Callable[..., stripe.ListObject], params: dict, state: Callable[..., T]
) -> list[T]:
    """Every object of a list, page after page, as plain states."""
    return _call(lambda: [state(found) for found in listing(params=params).auto_paging_iter()])


def _refund_state(refund: stripe.Refund) -> RefundState:
    return RefundState(
        id=refund.id,
        amount=refund.amount,
        status=refund.status or "",
        reason=_metadata(refund).get("reason", refund.reason or ""),
        request_key=_metadata(refund).get("request_key"),
    )


def create_refund(
    payment_intent_id: str, *, amount: int, idempotency_key: str, metadata: dict[str, str]
) -> RefundState:
    """Give back `amount` đồng of the payment. The same key with the same values returns
    the same refund, so a repeated or concurrent request refunds once. Raises
    StripeUnavailable."""
    refund = _call(
        _client().v1.refunds.create,
        params={"payment_intent": payment_intent_id, "amount": amount, "metadata": metadata},
        options={"idempotency_key": idempotency_key},
    )
    return _refund_state(refund)


def verify_webhook(payload: bytes, signature: str | None) -> WebhookEvent:
    """The event in a webhook whose signature verifies with the configured secret, signed
    at most five minutes ago. Raises InvalidWebhook."""
    secret = current_app.config.get("STRIPE_WEBHOOK_SECRET")
    try:
        event = stripe.Webhook.construct_event(
            payload, signature, secret, tolerance=WEBHOOK_TOLERANCE_SECONDS
        )
        found = event.data.object.to_dict()
        intent = found.get("payment_intent")
        return WebhookEvent(
            id=event.id,
            type=event.type,
            object_type=found["object"],
            object_id=found["id"],
            payment_intent_id=intent if isinstance(intent, str | None) else intent.get("id"),
        )
    except (stripe.SignatureVerificationError, ValueError, KeyError, AttributeError) as error:
        raise InvalidWebhook(str(error)) from error
