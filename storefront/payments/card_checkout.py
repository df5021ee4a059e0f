"""Sending a card order's buyer to Stripe Checkout: the session for the order, created
once (an idempotency key derived from the order), or found again after a failed try."""

import hashlib
from datetime import datetime, timedelta

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from storefront.extensions import db
from storefront.i18n import localized
from storefront.orders.models import Order, OrderLine, OrderStatus, PaymentMethod
from storefront.payments import stripe_gateway as gateway
from storefront.payments.card_records import checkout_of
from storefront.payments.models import CardCheckout

SESSION_LIFETIME = timedelta(minutes=30)
# Stripe wants a session to live at least 30 minutes from when it gets the request.
SESSION_MARGIN = timedelta(minutes=1)


class CardPaymentClosed(Exception):
    """The order is not waiting for a card payment (paid, cancelled, or not by card)."""


def card_order_due(now: datetime) -> datetime:
    """Until when a new card order keeps its stock, if its session is never created."""
    return now + SESSION_LIFETIME + SESSION_MARGIN


def start_card_payment(
    order: Order, *, success_url: str, cancel_url: str, now: datetime, retry: bool = False
) -> str:
    """The address of the Stripe page where the buyer pays the order; commits.

    The first call creates the session; later calls return it. After a failed first
    try (`retry`), a session Stripe made but whose answer was lost is found again among
    the recent ones, so the buyer never gets two. Raises CardPaymentClosed, or
    StripeUnavailable when Stripe cannot be reached (the order keeps its stock until its
    payment is due).
    """
    if order.payment_method is not PaymentMethod.CARD or (
        order.status is not OrderStatus.AWAITING_PAYMENT
    ):
        raise CardPaymentClosed()
    known = checkout_of(order)
    if known is not None:
        if known.status != "open":  # paid by a slow method, on its way: nothing to pay
            raise CardPaymentClosed()
        return known.url
    state = _find_session(order) if retry else None
    if state is None:
        state = gateway.create_session(_new_session(order, success_url, cancel_url, now))
    return adopt_session(order, state).url


def adopt_session(order: Order, state: gateway.SessionState) -> CardCheckout:
    """Record the session as the order's; the order keeps its stock until it expires.
    Of two requests recording one at once, the first wins and both get its record."""
    checkout = CardCheckout(
        order_id=order.id,
        session_id=state.id,
        url=state.url or "",
        status=state.status,
        expires_at=state.expires_at,
    )
    db.session.add(checkout)
    order.payment_due_at = state.expires_at
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return checkout_of(order)
    return checkout


def _find_session(order: Order) -> gateway.SessionState | None:
    for state in gateway.recent_sessions(since=order.placed_at - SESSION_MARGIN):
        if state.order_id == order.id and state.status == "open":
            return state
    return None


def _new_session(
    order: Order, success_url: str, cancel_url: str, now: datetime
) -> gateway.NewSession:
    expires_at = (now + SESSION_LIFETIME + SESSION_MARGIN).replace(microsecond=0)
    digest = hashlib.sha256(order.access_key.encode()).hexdigest()[:16]
    with force_locale(order.locale):  # the names the buyer read in the store
        lines = tuple(
            (_line_name(line), line.unit_price_vnd, line.quantity) for line in order.lines
        )
        if order.shipping_vnd:
            lines += ((_("Shipping"), order.shipping_vnd, 1),)
    return gateway.NewSession(
        order_id=order.id,
        order_number=order.number,
        lines=lines,
        email=order.email,
        locale=order.locale,
        success_url=success_url,
        cancel_url=cancel_url,
        expires_at=expires_at,
        # The same order and deadline give the same key: the library's retries after a
        # timeout reuse it, and Stripe answers them with the session it already made.
        idempotency_key=f"ocop-{order.number}-{digest}-{int(expires_at.timestamp())}",
    )


def _line_name(line: OrderLine) -> str:
    name = localized(line, "name")
    return f"{name} ({localized(line, 'packaging_name')})" if line.packaging_name else name
