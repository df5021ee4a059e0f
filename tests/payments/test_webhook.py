"""Stripe's webhook: only events signed with the store's secret in the last five minutes
are read, each event is applied once however often Stripe sends it, and one that cannot be
applied yet is refused so that Stripe sends it again."""

import time

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from storefront.extensions import db
from storefront.orders.models import OrderStatus
from storefront.payments.models import CardPayment, CardRefund, StripeEvent
from tests.fake_stripe import FakeStripe
from tests.payments.card import deliver, events_of, place_card_order
from tests.payments.history import footprint, honey, mails

WEBHOOK = "/payments/stripe/webhook"


def _completed_event(client: FlaskClient, fake: FakeStripe) -> tuple[dict, str]:
    """A paid card order's checkout.session.completed, not yet delivered: (event, order number)."""
    card = place_card_order(client, fake, honey())
    fake.pay(card.session_id)
    [event] = events_of(fake, "checkout.session.completed")
    return event, card.order.number


def _tampered(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    changed = body.replace(b'"payment_status": "paid"', b'"payment_status": "unpaid"')
    assert changed != body
    return changed, headers


def _wrong_secret(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    forged = FakeStripe(webhook_secret="whsec_someone_else").sign(body)
    return body, headers | {"Stripe-Signature": forged}


def _unsigned(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    return body, {name: value for name, value in headers.items() if name != "Stripe-Signature"}


@pytest.mark.parametrize("spoil", [_tampered, _wrong_secret, _unsigned], ids=lambda f: f.__name__)
def test_an_event_whose_signature_does_not_verify_is_refused_and_writes_nothing(
    client: FlaskClient, fake_stripe: FakeStripe, spoil
) -> None:
    """A changed body, another secret's signature or none at all: 400, nothing recorded."""
    event, _number = _completed_event(client, fake_stripe)
    before = footprint()

    body, headers = spoil(*fake_stripe.signed_request(event))
    answer = client.post(WEBHOOK, data=body, headers=headers)

    assert answer.status_code == 400
    assert answer.json["error"]["code"] == "invalid_signature"
    assert footprint() == before


def test_an_event_signed_more_than_five_minutes_ago_is_refused(
    client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    """A replayed old delivery (301 s) is refused; one signed 299 s ago is still applied."""
    event, number = _completed_event(client, fake_stripe)
    before = footprint()

    stale = deliver(client, fake_stripe, event, timestamp=int(time.time()) - 301)
    assert stale.status_code == 400 and stale.json["error"]["code"] == "invalid_signature"
    assert footprint() == before

    recent = deliver(client, fake_stripe, event, timestamp=int(time.time()) - 299)
    assert recent.status_code == 200 and recent.json["result"] == "applied"
    assert footprint().statuses[number] is OrderStatus.PAID


def _count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _delivered_five_times(client: FlaskClient, fake: FakeStripe, event: dict) -> list[str]:
    """The results of five deliveries of `event`; the repeats must not even ask Stripe."""
    results, stripe_calls = [], []
    for _ in range(5):
        answer = deliver(client, fake, event)
        assert answer.status_code == 200
        results.append(answer.json["result"])
        stripe_calls.append(len(fake.requests_log))
    assert len(set(stripe_calls)) == 1, "a repeated event was applied again"
    db.session.expire_all()
    return results


def test_a_completed_session_delivered_five_times_is_applied_once(
    client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    event, number = _completed_event(client, fake_stripe)
    before = footprint()

    results = _delivered_five_times(client, fake_stripe, event)

    after = footprint()
    assert results == ["applied"] + ["duplicate"] * 4
    assert after.statuses[number] is OrderStatus.PAID
    assert _count(CardPayment) == 1 and _count(StripeEvent) == 1
    assert after.rows["stock_movements"] == before.rows["stock_movements"]  # taken at placing
    assert mails("order_placed", to="an@example.vn") == 1


def test_an_expired_session_delivered_five_times_returns_the_stock_once(
    client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    product = honey(stock=4)
    card = place_card_order(client, fake_stripe, product, quantity=3)
    [event] = fake_stripe.expire(card.session_id)
    before = footprint()

    results = _delivered_five_times(client, fake_stripe, event)

    after = footprint()
    assert results == ["applied"] + ["duplicate"] * 4
    assert after.statuses[card.order.number] is OrderStatus.CANCELLED
    assert after.rows["stock_movements"] == before.rows["stock_movements"] + 1
    assert after.ledger[product.id] == after.stock[product.id] == 4
    assert _count(StripeEvent) == 1 and _count(CardPayment) == 0
    assert after.rows["mail_outbox"] == before.rows["mail_outbox"] + 1  # "cancelled", once
    assert mails("order_cancelled", to=card.order.email) == 1


def test_a_settled_bank_debit_delivered_five_times_is_applied_once(
    client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    card = place_card_order(client, fake_stripe, honey())
    fake_stripe.pay_later(card.session_id)
    [event] = [e for e in fake_stripe.settle(card.session_id, succeed=True) if "async" in e["type"]]
    before = footprint()

    results = _delivered_five_times(client, fake_stripe, event)

    after = footprint()
    assert event["type"] == "checkout.session.async_payment_succeeded"
    assert results == ["applied"] + ["duplicate"] * 4
    assert after.statuses[card.order.number] is OrderStatus.PAID
    assert _count(CardPayment) == 1 and _count(StripeEvent) == 1
    assert after.rows["stock_movements"] == before.rows["stock_movements"]
    assert mails("order_placed", to="an@example.vn") == 1


def test_a_refund_delivered_five_times_is_recorded_once(
    client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    event, number = _completed_event(client, fake_stripe)
    deliver(client, fake_stripe, event)
    intent = next(iter(fake_stripe.payment_intents))
    [refunded, _created] = fake_stripe.refund(intent)
    before = footprint()

    results = _delivered_five_times(client, fake_stripe, refunded)

    after = footprint()
    assert results == ["applied"] + ["duplicate"] * 4
    assert after.statuses[number] is OrderStatus.REFUNDED
    assert _count(CardRefund) == 1 and _count(StripeEvent) == 2
    assert after.rows["stock_movements"] == before.rows["stock_movements"]
    assert mails("card_refund", to="an@example.vn") == 1


def test_an_event_the_store_does_not_act_on_is_acknowledged_and_not_stored(
    client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    card = place_card_order(client, fake_stripe, honey())
    fake_stripe.pay(card.session_id)
    [succeeded] = events_of(fake_stripe, "payment_intent.succeeded")
    before = footprint()

    answer = deliver(client, fake_stripe, succeeded)

    assert answer.status_code == 200 and answer.json["result"] == "ignored"
    assert footprint() == before


def test_without_stripe_keys_the_webhook_is_not_found(client: FlaskClient) -> None:
    """Card payment is off: whatever comes, signed or not, the answer is a JSON 404."""
    answer = client.post(
        WEBHOOK, data=b'{"id": "evt_1"}', headers={"Stripe-Signature": "t=1,v1=00"}
    )

    assert answer.status_code == 404
    assert answer.json["error"]["code"] == "not_configured"


def test_an_event_stripe_cannot_confirm_is_refused_until_stripe_answers_again(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    """The handler reads the session back from Stripe: while it cannot, the event is refused
    with a 503 (Stripe sends it again later) and nothing is stored."""
    event, number = _completed_event(client, fake_stripe)
    before = footprint()
    app.config.update(STRIPE_API_BASE="http://127.0.0.1:9", STRIPE_NETWORK_RETRIES=0)

    refused = deliver(client, fake_stripe, event)

    assert refused.status_code == 503
    assert refused.json["error"]["code"] == "stripe_unavailable"
    assert footprint() == before

    app.config["STRIPE_API_BASE"] = fake_stripe.api_base
    again = deliver(client, fake_stripe, event)

    assert again.status_code == 200 and again.json["result"] == "applied"
    assert footprint().statuses[number] is OrderStatus.PAID
