"""Builds objects shaped as in Stripe's API reference: Checkout Sessions and their line items,
PaymentIntents, Charges, Refunds, and the list envelope. Every amount is an integer in the
currency's smallest unit (whole đồng for `vnd`, a zero-decimal currency)."""

import secrets
import string
import time
from typing import Any

Object = dict[str, Any]

_ALPHABET = string.ascii_letters + string.digits


def new_id(prefix: str, length: int = 24) -> str:
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))


def now() -> int:
    return int(time.time())


def checkout_session(
    session_id: str, url: str, lines: list[Object], created: int, given: Object
) -> Object:
    """A new, open session in payment mode; `given` holds the caller's own fields (success_url,
    cancel_url, client_reference_id, customer_email, expires_at, locale, metadata, ...)."""
    subtotal = sum(line["amount_total"] for line in lines)
    return {
        "id": session_id,
        "object": "checkout.session",
        "amount_subtotal": subtotal,
        "amount_total": subtotal,
        "cancel_url": None,
        "client_reference_id": None,
        "created": created,
        "currency": lines[0]["currency"],
        "customer": None,
        "customer_details": None,
        "customer_email": None,
        "expires_at": created + 24 * 3600,
        "livemode": False,
        "locale": None,
        "metadata": {},
        "mode": "payment",
        "payment_intent": None,
        "payment_method_types": ["card"],
        "payment_status": "unpaid",
        "status": "open",
        "success_url": None,
        "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
        "ui_mode": "hosted",
        "url": url,
    } | given


def line_item(description: str, quantity: int, unit_amount: int, currency: str) -> Object:
    """A Checkout line item (object "item") with the one-time price that `price_data` makes."""
    total = unit_amount * quantity
    return {
        "id": new_id("li_"),
        "object": "item",
        "amount_discount": 0,
        "amount_subtotal": total,
        "amount_tax": 0,
        "amount_total": total,
        "currency": currency,
        "description": description,
        "price": {
            "id": new_id("price_"),
            "object": "price",
            "active": False,
            "billing_scheme": "per_unit",
            "created": now(),
            "currency": currency,
            "livemode": False,
            "lookup_key": None,
            "metadata": {},
            "nickname": None,
            "product": new_id("prod_", 14),
            "recurring": None,
            "type": "one_time",
            "unit_amount": unit_amount,
            "unit_amount_decimal": str(unit_amount),
        },
        "quantity": quantity,
    }


def customer_details(email: str) -> Object:
    return {
        "address": None,
        "email": email,
        "name": None,
        "phone": None,
        "tax_exempt": "none",
        "tax_ids": [],
    }


def payment_intent(session: Object, status: str, intent_data: Object) -> Object:
    """The PaymentIntent a Checkout Session creates when the customer pays; `intent_data` is
    the session's `payment_intent_data` (metadata, description)."""
    intent_id = new_id("pi_")
    return {
        "id": intent_id,
        "object": "payment_intent",
        "amount": session["amount_total"],
        "amount_capturable": 0,
        "amount_received": 0,
        "capture_method": "automatic_async",
        "client_secret": f"{intent_id}_secret_{new_id('', 25)}",
        "confirmation_method": "automatic",
        "created": now(),
        "currency": session["currency"],
        "customer": None,
        "description": intent_data.get("description"),
        "last_payment_error": None,
        "latest_charge": None,
        "livemode": False,
        "metadata": dict(intent_data.get("metadata", {})),
        "payment_method": new_id("pm_"),
        "payment_method_types": list(session["payment_method_types"]),
        "status": status,
    }


def failed_payment_error(intent: Object) -> Object:
    """`last_payment_error` of a PaymentIntent whose bank debit failed."""
    return {
        "type": "invalid_request_error",
        "code": "payment_intent_payment_attempt_failed",
        "message": "The latest payment attempt of this PaymentIntent has failed: "
        "the bank debit was declined.",
        "payment_method": {"id": intent["payment_method"], "object": "payment_method"},
    }


def charge(intent: Object, email: str | None) -> Object:
    """The captured, succeeded Charge of a PaymentIntent; it inherits the intent's metadata."""
    return {
        "id": new_id("ch_"),
        "object": "charge",
        "amount": intent["amount"],
        "amount_captured": intent["amount"],
        "amount_refunded": 0,
        "billing_details": {"address": None, "email": email, "name": None, "phone": None},
        "captured": True,
        "created": now(),
        "currency": intent["currency"],
        "customer": None,
        "description": intent["description"],
        "disputed": False,
        "failure_code": None,
        "failure_message": None,
        "livemode": False,
        "metadata": dict(intent["metadata"]),
        "paid": True,
        "payment_intent": intent["id"],
        "payment_method": intent["payment_method"],
        "receipt_email": None,
        "refunded": False,
        "status": "succeeded",
    }


def refund(charge: Object, amount: int, reason: str | None, metadata: dict[str, str]) -> Object:
    return {
        "id": new_id("re_"),
        "object": "refund",
        "amount": amount,
        "balance_transaction": None,
        "charge": charge["id"],
        "created": now(),
        "currency": charge["currency"],
        "metadata": metadata,
        "payment_intent": charge["payment_intent"],
        "reason": reason,
        "receipt_number": None,
        "status": "succeeded",
    }


def list_object(data: list[Object], has_more: bool, url: str) -> Object:
    return {"object": "list", "data": data, "has_more": has_more, "url": url}
