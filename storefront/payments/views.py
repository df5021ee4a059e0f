"""Card payment pages: off to Stripe Checkout, back from it, Stripe's webhook, and staff's
refunds. The buyer's pages need the order's access (its key, or its buyer signed in)."""

import hmac

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from storefront.accounts.access import role_required, signed_in_user
from storefront.accounts.models import Role
from storefront.clock import utcnow
from storefront.errors import api_error
from storefront.extensions import csrf
from storefront.orders.lookup import find_order, visible_order
from storefront.orders.models import Order
from storefront.payments import stripe_gateway as gateway
from storefront.payments.card_checkout import CardPaymentClosed, start_card_payment
from storefront.payments.card_fulfilment import apply_session
from storefront.payments.card_records import checkout_of
from storefront.payments.forms import RefundForm
from storefront.payments.refunds import RefundError, refund_order
from storefront.payments.webhooks import handle_event

bp = Blueprint("payments", __name__)


def _order_page(order: Order) -> Response:
    return redirect(url_for("orders.detail", number=order.number, key=order.access_key))


def pay_by_card(order: Order, *, retry: bool = False) -> Response:
    """Send the buyer to Stripe's page for the order; back to the order page when Stripe
    cannot be reached (the order keeps its stock until its payment is due)."""
    key = order.access_key
    success_url = url_for("payments.card_return", number=order.number, key=key, _external=True)
    try:
        url = start_card_payment(
            order,
            # Stripe puts the session's id in place of {CHECKOUT_SESSION_ID}.
            success_url=f"{success_url}&session_id={{CHECKOUT_SESSION_ID}}",
            cancel_url=url_for(
                "orders.detail", number=order.number, key=key, card="left", _external=True
            ),
            now=utcnow(),
            retry=retry,
        )
    except CardPaymentClosed:
        flash(_("This order is not waiting for a card payment."), "error")
        return _order_page(order)
    except gateway.StripeUnavailable as error:
        current_app.logger.warning("Stripe unavailable for order %s: %s", order.number, error)
        flash(
            _(
                "We could not reach the card payment service just now. Your order is kept "
                "for you: press “Pay by card” again in a moment."
            ),
            "error",
        )
        return _order_page(order)
    return redirect(url, code=303)


def _buyers_order(number: str) -> Order:
    user = signed_in_user() if current_user.is_authenticated else None
    order = visible_order(number, user=user, key=request.values.get("key"))
    if order is None:
        abort(404)
    return order


@bp.post("/orders/<number>/pay-by-card")
def pay(number: str) -> Response:
    return pay_by_card(_buyers_order(number), retry=True)


@bp.get("/orders/<number>/card-return")
def card_return(number: str) -> Response:
    """Back from Stripe's page: the session, read from Stripe, says what happened. Only
    the order's own session counts; any other id fulfils nothing and shows nothing."""
    order = _buyers_order(number)
    checkout = checkout_of(order)
    given = request.args.get("session_id", "")
    if checkout is None or not hmac.compare_digest(checkout.session_id.encode(), given.encode()):
        abort(404)
    try:
        state = gateway.retrieve_session(checkout.session_id)
    except gateway.StripeUnavailable:
        state = None
    else:
        apply_session(state, now=utcnow())
    if state is not None and state.paid:
        flash(_("Payment received, thank you! We have e-mailed you the confirmation."), "success")
    elif state is None or state.status == "complete":
        flash(
            _("We are confirming your payment with your bank; we e-mail you when it arrives."),
            "info",
        )
    else:
        flash(_("Your card payment was not completed."), "error")
    return _order_page(order)


@bp.post("/payments/stripe/webhook")
@csrf.exempt
def stripe_webhook() -> Response | tuple[Response, int]:
    """Stripe's events: 400 for one that does not verify (nothing is written), 503 when
    Stripe cannot be read back (it delivers again later), else 200."""
    if not gateway.configured(current_app.config):
        return api_error(404, "not_configured", "Card payment is not configured.")
    try:
        event = gateway.verify_webhook(request.get_data(), request.headers.get("Stripe-Signature"))
    except gateway.InvalidWebhook:
        return api_error(400, "invalid_signature", "The event's signature does not verify.")
    try:
        handled = handle_event(event, now=utcnow())
    except gateway.StripeUnavailable as error:
        current_app.logger.warning("Event %s not applied: %s", event.id, error)
        return api_error(503, "stripe_unavailable", "Stripe could not be read; send it again.")
    return {"received": event.id, "result": handled.value}


@bp.post("/staff/orders/<number>/refund")
@role_required(Role.STAFF)
def staff_refund(number: str) -> Response:
    order = find_order(number)
    if order is None:
        abort(404)
    form = RefundForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for message in errors:
                flash(message, "error")
        return redirect(url_for("orders.staff_order", number=order.number))
    try:
        refund_order(
            order,
            amount_vnd=form.amount_vnd.data,
            reason=form.reason.data.strip(),
            refunded_before=form.refunded_before.data,
            actor=signed_in_user(),
            now=utcnow(),
        )
    except RefundError as error:
        flash(error.message(), "error")
    else:
        flash(_("Refund made. The buyer is told by e-mail."), "success")
    return redirect(url_for("orders.staff_order", number=order.number))
