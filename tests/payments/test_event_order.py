"""Every order of delivery of {completed, async_succeeded, async_failed, expired, refunded}
for an order ends in the state Stripe's objects describe; none moves an order backwards.

Stripe does not promise the order of its events, nor that it sends only those a history
made: each handler re-reads the session or charge, so any event of the order's session or
charge must bring the order to where Stripe stands. Events Stripe did not emit for a
history are built with the session's (or charge's) current snapshot."""

import secrets
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from storefront.extensions import db
from storefront.orders.models import OrderStatus
from storefront.orders.status import HOLDS_STOCK
from storefront.payments.models import CardPayment
from tests.fake_stripe import FakeStripe
from tests.payments.card import deliver
from tests.payments.history import card_order, honey, mails, synthetic
from tests.shopping import ledger_sums

SESSION_EVENTS = (
    "checkout.session.completed",
    "checkout.session.async_payment_succeeded",
    "checkout.session.async_payment_failed",
    "checkout.session.expired",
)
EVENT_TYPES = (*SESSION_EVENTS, "charge.refunded")
STOCK = 10

# Where an order may go from each status, in one delivery or several.
ONWARDS = {
    OrderStatus.AWAITING_PAYMENT: frozenset(OrderStatus) - {OrderStatus.CONFIRMED},
    OrderStatus.PAID: frozenset({OrderStatus.PAID, OrderStatus.REFUNDED}),
    OrderStatus.REFUNDED: frozenset({OrderStatus.REFUNDED}),
    OrderStatus.CANCELLED: frozenset({OrderStatus.CANCELLED}),
}


def _intent(fake: FakeStripe, session_id: str) -> str:
    return fake.sessions[session_id]["payment_intent"]


def _refunded_in_full(fake: FakeStripe, session_id: str) -> None:
    fake.pay(session_id)
    fake.refund(_intent(fake, session_id))


def _refunded_in_part(fake: FakeStripe, session_id: str) -> None:
    fake.pay(session_id)
    fake.refund(_intent(fake, session_id), amount=40_000)


def _debit_settled(fake: FakeStripe, session_id: str) -> None:
    fake.pay_later(session_id)
    fake.settle(session_id, succeed=True)


def _debit_failed(fake: FakeStripe, session_id: str) -> None:
    fake.pay_later(session_id)
    fake.settle(session_id, succeed=False)


def _expired(fake: FakeStripe, session_id: str) -> None:
    fake.expire(session_id)


@dataclass(frozen=True)
class History:
    """What happens at Stripe to an order's session, and where the order must end."""

    happen: Callable[[FakeStripe, str], None]
    ends: OrderStatus


HISTORIES = {
    "paid-then-refunded-in-full": History(_refunded_in_full, OrderStatus.REFUNDED),
    "paid-then-refunded-in-part": History(_refunded_in_part, OrderStatus.PAID),
    "bank-debit-settled": History(_debit_settled, OrderStatus.PAID),
    "bank-debit-failed": History(_debit_failed, OrderStatus.CANCELLED),
    "expired": History(_expired, OrderStatus.CANCELLED),
}


def _events_of_order(fake: FakeStripe, session_id: str) -> dict[str, dict]:
    """One event of each type for the session (and its charge, when there is one): the one
    Stripe emitted, else one built from the object as Stripe holds it now."""
    session = fake.sessions[session_id]
    intent_id = session["payment_intent"]
    charge_id = fake.payment_intents[intent_id]["latest_charge"] if intent_id else None
    emitted = {
        event["type"]: event
        for event in fake.events
        if event["data"]["object"]["id"] in (session_id, charge_id)
    }
    chosen = {kind: emitted.get(kind) or synthetic(kind, session) for kind in SESSION_EVENTS}
    if charge_id is not None:
        charge = fake.charges[charge_id]
        chosen["charge.refunded"] = emitted.get("charge.refunded") or synthetic(
            "charge.refunded", charge
        )
    return chosen


@pytest.mark.parametrize("history", HISTORIES.values(), ids=HISTORIES.keys())
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(delivery=st.permutations(EVENT_TYPES))
def test_events_in_any_order_bring_the_order_where_stripe_stands(
    client: FlaskClient, fake_stripe: FakeStripe, history: History, delivery: list[str]
) -> None:
    product = honey(stock=STOCK)
    email = f"buyer-{secrets.token_hex(4)}@example.vn"
    order, session_id = card_order(product, email=email)
    history.happen(fake_stripe, session_id)
    events = _events_of_order(fake_stripe, session_id)

    seen = [order.status]
    for kind in (kind for kind in delivery if kind in events):
        answer = deliver(client, fake_stripe, events[kind])
        assert answer.status_code == 200, (kind, answer.json)
        db.session.expire_all()
        assert order.status in ONWARDS[seen[-1]], (kind, seen, order.status)
        seen.append(order.status)

    assert order.status is history.ends, seen
    session = fake_stripe.sessions[session_id]
    intent_id = session["payment_intent"]
    charge_id = fake_stripe.payment_intents[intent_id]["latest_charge"] if intent_id else None
    payment = db.session.scalar(select(CardPayment).where(CardPayment.order_id == order.id))
    if charge_id is None:
        assert payment is None
        assert mails("order_placed", to=email) == 0
    else:
        charge = fake_stripe.charges[charge_id]
        assert payment.amount_vnd == charge["amount"] and not payment.late
        assert payment.refunded_vnd == charge["amount_refunded"]
        assert mails("order_placed", to=email) == 1
        assert mails("card_refund", to=email) == len(payment.refunds)
    held = 1 if order.status in HOLDS_STOCK else 0
    assert product.stock == ledger_sums()[product.id] == STOCK - held
