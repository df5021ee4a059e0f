"""Helpers for card-payment tests: the app pointed at a fake Stripe, a card order placed
through the checkout pages, and Stripe's events delivered to the webhook as Stripe signs
them."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from storefront.extensions import db
from storefront.mail.models import OutboxMessage
from storefront.orders.models import Order, PaymentMethod
from storefront.payments.models import CardCheckout
from tests.fake_stripe import FakeStripe
from tests.shopping import checkout_form, product_key


@contextmanager
def stripe_for(app: Flask, **settings: object) -> Iterator[FakeStripe]:
    """A fake Stripe started for `app`, with the app's keys and API base set to it."""
    with FakeStripe() as fake:
        app.config.update(
            STRIPE_SECRET_KEY=fake.secret_key,
            STRIPE_WEBHOOK_SECRET=fake.webhook_secret,
            STRIPE_API_BASE=fake.api_base,
            STRIPE_TIMEOUT_SECONDS=2,
            STRIPE_NETWORK_RETRIES=2,
            **settings,
        )
        yield fake


@dataclass
class CardOrder:
    order: Order
    session_id: str
    pay_url: str  # where "Place order" sent the buyer: the fake's hosted page

    @property
    def return_path(self) -> str:
        order = self.order
        return f"/orders/{order.number}/card-return?key={order.access_key}"


def place_card_order(client: FlaskClient, fake: FakeStripe, product, quantity: int = 1):
    """A guest buys `quantity` of `product` by card through the real pages, and is sent
    to Stripe's page. Returns a CardOrder."""
    client.set_cookie("lang", "en")
    client.post("/cart/add", data={"item": product_key(product).encode(), "quantity": quantity})
    filled = client.post("/checkout", data=checkout_form(PaymentMethod.CARD))
    assert filled.status_code == 302 and filled.location.endswith("/checkout/review")
    placed = client.post("/checkout/place")
    assert placed.status_code == 303, placed.status_code
    session_id = urlsplit(placed.location).path.rsplit("/", 1)[-1]
    assert session_id in fake.sessions
    checkout = db.session.scalar(select(CardCheckout).where(CardCheckout.session_id == session_id))
    return CardOrder(order=checkout.order, session_id=session_id, pay_url=placed.location)


def deliver(client: FlaskClient, fake: FakeStripe, event: dict, **signing: object):
    """POST one event to the webhook, signed as Stripe signs it."""
    body, headers = fake.signed_request(event, **signing)
    return client.post("/payments/stripe/webhook", data=body, headers=headers)


def events_of(fake: FakeStripe, kind: str) -> list[dict]:
    return [event for event in fake.events if event["type"] == kind]


def mails_to(address: str) -> int:
    return db.session.scalar(
        select(func.count()).select_from(OutboxMessage).where(OutboxMessage.recipient == address)
    )
