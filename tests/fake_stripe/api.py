"""The /v1 endpoints. Each validates its parameters as Stripe does, acts on the store, and
answers the object (with `expand` applied) and the events the call emitted."""

from dataclasses import dataclass
from typing import Any

from . import objects
from .errors import invalid_param, missing_param
from .events import Origin
from .expansion import expand
from .listing import PAGING, filtered, page
from .objects import Object
from .params import (
    Params,
    check_known,
    choice,
    hashes,
    integer,
    mapping,
    metadata,
    required_integer,
    required_text,
    strings,
    text,
)
from .store import Store

Reply = tuple[Object, list[Object]]

# A session may live from 30 minutes to 24 hours; the fake allows a few seconds of slack
# for the time between the caller's clock reading and the request.
MIN_LIFETIME = 30 * 60
MAX_LIFETIME = 24 * 3600
LIFETIME_SLACK = 5

# fmt: off
CHECKOUT_LOCALES = frozenset({
    "auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr",
    "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt",
    "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW",
})
# fmt: on
REFUND_REASONS = ("duplicate", "fraudulent", "requested_by_customer")
SESSION_PARAMS = (
    "cancel_url",
    "client_reference_id",
    "customer_email",
    "expand",
    "expires_at",
    "line_items",
    "locale",
    "metadata",
    "mode",
    "payment_intent_data",
    "payment_method_types",
    "success_url",
)


@dataclass(frozen=True)
class Call:
    """One API request as the endpoints see it."""

    params: dict[str, Any]
    origin: Origin
    base_url: str  # the fake's address as the caller reached it, for the hosted page's URL


def retrieve(store: Store, call: Call, object_id: str, *, kind: str) -> Reply:
    check_known(call.params, ("expand",))
    return _expanded(store.get(kind, object_id), call, store), []


def create_session(store: Store, call: Call) -> Reply:
    params = call.params
    check_known(params, SESSION_PARAMS)
    if required_text(params, "mode") != "payment":
        raise invalid_param("mode", "Invalid mode: the fake Stripe supports only payment")
    lines = _line_items(params)
    created = objects.now()
    session_id = objects.new_id("cs_test_", 58)
    given = {
        "success_url": _url(params, "success_url", required=True),
        "cancel_url": _url(params, "cancel_url", required=False),
        "client_reference_id": text(params, "client_reference_id"),
        "customer_email": _email(params),
        "expires_at": _expires_at(params, created),
        "locale": choice(params, "locale", sorted(CHECKOUT_LOCALES)),
        "metadata": metadata(params),
        "payment_method_types": strings(params, "payment_method_types") or ["card"],
    }
    url = f"{call.base_url}/pay/{session_id}"
    session = objects.checkout_session(session_id, url, lines, created, given)
    store.add_session(session, lines, _intent_data(params))
    return _expanded(session, call, store), []


def list_sessions(store: Store, call: Call) -> Reply:
    check_known(call.params, (*PAGING, "created", "expand", "payment_intent", "status"))
    sessions = filtered(store.all("checkout.session"), call.params, ("payment_intent", "status"))
    listed = page(sessions, call.params, "/v1/checkout/sessions", "checkout.session")
    return _expanded(listed, call, store), []


def expire_session(store: Store, call: Call, session_id: str) -> Reply:
    check_known(call.params, ("expand",))
    session, emitted = store.expire(session_id, call.origin)
    return _expanded(session, call, store), emitted


def list_line_items(store: Store, call: Call, session_id: str) -> Reply:
    check_known(call.params, (*PAGING, "expand"))
    url = f"/v1/checkout/sessions/{session_id}/line_items"
    return _expanded(page(store.line_items(session_id), call.params, url, "item"), call, store), []


def create_refund(store: Store, call: Call) -> Reply:
    params = call.params
    check_known(params, ("amount", "charge", "expand", "metadata", "payment_intent", "reason"))
    refund, emitted = store.refund(
        _refunded_charge(params, store),
        integer(params, "amount"),
        choice(params, "reason", REFUND_REASONS),
        metadata(params),
        call.origin,
    )
    return _expanded(refund, call, store), emitted


def list_refunds(store: Store, call: Call) -> Reply:
    check_known(call.params, (*PAGING, "charge", "created", "expand", "payment_intent"))
    refunds = filtered(store.all("refund"), call.params, ("charge", "payment_intent"))
    return _expanded(page(refunds, call.params, "/v1/refunds", "refund"), call, store), []


def _expanded(obj: Object, call: Call, store: Store) -> Object:
    return expand(obj, strings(call.params, "expand"), store)


def _line_items(params: Params) -> list[Object]:
    given = hashes(params, "line_items")
    if not given:
        raise missing_param("line_items")
    lines = [_line_item(line, f"line_items[{index}]") for index, line in enumerate(given)]
    for index, line in enumerate(lines):
        if line["currency"] != lines[0]["currency"]:
            raise invalid_param(
                f"line_items[{index}][price_data][currency]",
                "All line items must have the same currency: "
                f"{line['currency']} differs from {lines[0]['currency']}.",
            )
    return lines


def _line_item(line: Params, prefix: str) -> Object:
    """A line item from `price_data` (the fake keeps no saved Prices, so `price` is unknown)."""
    check_known(line, ("price_data", "quantity"), prefix)
    price_prefix = f"{prefix}[price_data]"
    if "price_data" not in line:
        raise missing_param(price_prefix)
    price = mapping(line, "price_data", prefix)
    check_known(price, ("currency", "product_data", "unit_amount"), price_prefix)
    product_prefix = f"{price_prefix}[product_data]"
    if "product_data" not in price:
        raise missing_param(product_prefix)
    product = mapping(price, "product_data", price_prefix)
    check_known(product, ("name",), product_prefix)
    return objects.line_item(
        description=required_text(product, "name", product_prefix),
        quantity=required_integer(line, "quantity", prefix, minimum=1),
        unit_amount=required_integer(price, "unit_amount", price_prefix, minimum=0),
        currency=required_text(price, "currency", price_prefix).lower(),
    )


def _url(params: Params, name: str, *, required: bool) -> str | None:
    value = required_text(params, name) if required else text(params, name)
    if value is not None and not value.startswith(("http://", "https://")):
        raise invalid_param(name, f"Not a valid URL: {value}")
    return value


def _email(params: Params) -> str | None:
    value = text(params, "customer_email")
    if value is not None and "@" not in value:
        raise invalid_param("customer_email", f"Invalid email address: {value}")
    return value


def _expires_at(params: Params, created: int) -> int:
    moment = integer(params, "expires_at")
    if moment is None:
        return created + MAX_LIFETIME
    if moment < created + MIN_LIFETIME - LIFETIME_SLACK:
        raise invalid_param(
            "expires_at",
            "The `expires_at` timestamp must be at least 30 minutes from Checkout Session "
            "creation.",
        )
    if moment > created + MAX_LIFETIME + LIFETIME_SLACK:
        raise invalid_param(
            "expires_at",
            "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
        )
    return moment


def _intent_data(params: Params) -> Object:
    """`payment_intent_data`: what the PaymentIntent made at payment time will carry."""
    given = mapping(params, "payment_intent_data")
    check_known(given, ("description", "metadata"), "payment_intent_data")
    return {
        "description": text(given, "description", "payment_intent_data"),
        "metadata": metadata(given, "payment_intent_data"),
    }


def _refunded_charge(params: Params, store: Store) -> str:
    """The charge a refund takes money back from, named directly or by its PaymentIntent."""
    charge_id = text(params, "charge")
    intent_id = text(params, "payment_intent")
    if intent_id is None:
        if charge_id is None:
            raise missing_param("charge")
        return charge_id
    intent_charge = store.charge_of(intent_id)
    if charge_id not in (None, intent_charge):
        raise invalid_param("charge", f"Charge {charge_id} does not belong to {intent_id}.")
    return intent_charge
