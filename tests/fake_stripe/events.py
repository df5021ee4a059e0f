"""Stripe events: building them, and encoding, signing and delivering them as webhooks.

The `Stripe-Signature` header is built as Stripe documents it: `t=<unix time>,v1=<hex
HMAC-SHA256 of "<t>.<body>" keyed with the endpoint's signing secret>`."""

import copy
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass

import requests

from .objects import Object, new_id, now

DELIVERY_TIMEOUT = 5.0

# Sends newly emitted events on to their webhook endpoint, if any.
Publish = Callable[[list[Object]], None]


@dataclass(frozen=True)
class Origin:
    """What caused an event: an API request (its id and idempotency key), or nothing for the
    customer's and the dashboard's actions and Stripe's own (expiry, settlement)."""

    request_id: str | None = None
    idempotency_key: str | None = None

    def as_json(self) -> dict[str, str | None]:
        return {"id": self.request_id, "idempotency_key": self.idempotency_key}


AUTOMATIC = Origin()


def build(event_type: str, obj: Object, origin: Origin, api_version: str) -> Object:
    """An event carrying a snapshot of `obj` as it is now."""
    return {
        "id": new_id("evt_"),
        "object": "event",
        "api_version": api_version,
        "created": now(),
        "data": {"object": copy.deepcopy(obj)},
        "livemode": False,
        "pending_webhooks": 1,
        "request": origin.as_json(),
        "type": event_type,
    }


def encode(event: Object) -> bytes:
    return json.dumps(event, indent=2).encode()


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The `Stripe-Signature` header value for `payload`."""
    moment = int(time.time()) if timestamp is None else timestamp
    signed = f"{moment}.{payload.decode()}".encode()
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={moment},v1={digest}"


def signed_request(
    event: Object, secret: str, timestamp: int | None = None
) -> tuple[bytes, dict[str, str]]:
    """The body and headers of the webhook delivery of `event`."""
    payload = encode(event)
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "Stripe-Signature": sign(payload, secret, timestamp),
    }
    return payload, headers


def post(event: Object, url: str, secret: str) -> int:
    """Delivers `event` to `url`; the endpoint's HTTP status."""
    payload, headers = signed_request(event, secret)
    return requests.post(url, data=payload, headers=headers, timeout=DELIVERY_TIMEOUT).status_code
