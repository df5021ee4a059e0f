"""Stripe's deliveries and people's presses arriving at the same moment, on a WAL SQLite file
and on PostgreSQL: an event delivered five times at once, the success page racing the
webhook, two staff refunding at once, a late payment's event repeated. Each comes to one
fulfilment or one refund, mailed once, and nobody gets an error page.

Each request is a browser of its own (a test client in a thread of its own); one barrier
lets them all go, and a thread still busy after TIMEOUT seconds fails the test instead of
hanging it. The fake Stripe delivers no webhook itself (its `webhook_url` is None): only the
deliveries the tests make reach the store.
"""

import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from storefront.accounts.models import Role, User
from storefront.catalog.models import Product
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.inventory.models import MovementKind, StockMovement
from storefront.mail.models import OutboxMessage
from storefront.orders.models import Order, OrderEvent, OrderStatus
from storefront.orders.service import lapse
from storefront.payments.models import CardPayment, CardRefund, StripeEvent
from tests.conftest import POSTGRES_URL, _postgres_reachable, need_service
from tests.factories import UserFactory
from tests.fake_stripe import FakeStripe
from tests.payments.card import CardOrder, deliver, events_of, place_card_order, stripe_for
from tests.shopping import ledger_sums, shop_app, stocked_product

TIMEOUT = 30.0  # seconds a request may take before the test calls it stuck
STOCK = 10
BOUGHT = 2

Press = Callable[[FlaskClient], TestResponse]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """The app on a database every thread's connection sees: a SQLite file (WAL) or
    PostgreSQL, with a pool big enough for every request to hold a connection at once."""
    if request.param == "postgres":
        need_service(_postgres_reachable())
        url = POSTGRES_URL
        # A request stuck on a lock errors out, rather than holding up the teardown's DROP.
        options = {
            "pool_pre_ping": True,
            "pool_size": 20,
            "connect_args": {"options": f"-c lock_timeout={int(TIMEOUT + 10)}s"},
        }
    else:
        url = f"sqlite:///{tmp_path / 'shop.db'}"
        options = {"pool_size": 20}
    with shop_app(url, tmp_path, SQLALCHEMY_ENGINE_OPTIONS=options) as application:
        yield application


@pytest.fixture
def fake(app: Flask) -> Iterator[FakeStripe]:
    with stripe_for(app) as started:
        assert started.webhook_url is None  # only the tests' own deliveries count
        yield started


@dataclass
class Answer:
    """What one request got: its status and body, or the exception it raised."""

    status: int | None = None
    body: str = ""
    json: dict | None = None
    crash: str | None = None


def at_once(presses: list[tuple[FlaskClient, Press]]) -> list[Answer]:
    """Each press made by its own client in a thread of its own, all released by one
    barrier. Fails when a thread is still busy after TIMEOUT seconds."""
    barrier = threading.Barrier(len(presses))
    answers = [Answer() for _ in presses]

    def run(client: FlaskClient, press: Press, answer: Answer) -> None:
        try:
            barrier.wait(TIMEOUT)
            response = press(client)
            answer.status, answer.body = response.status_code, response.get_data(as_text=True)
            answer.json = response.get_json(silent=True)
        except BaseException:  # recorded: the test shows it and fails
            barrier.abort()
            answer.crash = traceback.format_exc()

    threads = [
        threading.Thread(target=run, args=(client, press, answer), daemon=True)
        for (client, press), answer in zip(presses, answers, strict=True)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + TIMEOUT
    for thread in threads:
        thread.join(max(deadline - time.monotonic(), 0))
    stuck = sum(thread.is_alive() for thread in threads)
    assert not stuck, f"{stuck} of {len(threads)} requests still busy after {TIMEOUT} s"
    crashes = [answer.crash for answer in answers if answer.crash]
    assert not crashes, crashes[0]
    return answers


def _honey() -> Product:
    honey = stocked_product(STOCK, name="Mật ong U Minh", name_en="U Minh honey")
    honey.price_vnd = 150_000
    db.session.commit()
    return honey


def _card_order(app: Flask, fake: FakeStripe, honey: Product) -> CardOrder:
    return place_card_order(app.test_client(), fake, honey, quantity=BOUGHT)


def _completed(fake: FakeStripe, card: CardOrder) -> dict:
    """The buyer pays on Stripe's page; the checkout.session.completed event it emitted."""
    fake.pay(card.session_id)
    [event] = events_of(fake, "checkout.session.completed")
    return event


def _webhook(fake: FakeStripe, event: dict) -> Press:
    body, headers = fake.signed_request(event)
    return lambda client: client.post("/payments/stripe/webhook", data=body, headers=headers)


def _count(model: type, *where: object) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _mails(recipient: str, template: str) -> int:
    return _count(
        OutboxMessage, OutboxMessage.recipient == recipient, OutboxMessage.template == template
    )


def _moves(order: Order, kind: MovementKind) -> int:
    return _count(StockMovement, StockMovement.order_id == order.id, StockMovement.kind == kind)


def _moved(order: Order) -> list[tuple[OrderStatus | None, OrderStatus]]:
    """The order's status changes, from its OrderEvent rows."""
    events = db.session.scalars(
        select(OrderEvent).where(OrderEvent.order_id == order.id).order_by(OrderEvent.id)
    )
    return [(event.from_status, event.to_status) for event in events]


def _assert_fulfilled_once(card: CardOrder, honey: Product) -> None:
    db.session.expire_all()
    order = card.order
    assert order.status is OrderStatus.PAID
    assert _count(CardPayment) == 1
    assert _moved(order) == [
        (None, OrderStatus.AWAITING_PAYMENT),
        (OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID),
    ]
    assert _mails(order.email, "order_placed") == 1
    assert _count(OutboxMessage) == 1
    assert _count(StockMovement, StockMovement.order_id == order.id) == 1  # its reservation
    assert honey.stock == ledger_sums()[honey.id] == STOCK - BOUGHT


def _refunds_at_stripe(fake: FakeStripe, card: CardOrder) -> list[dict]:
    intent = fake.sessions[card.session_id]["payment_intent"]
    return [refund for refund in fake.refunds.values() if refund["payment_intent"] == intent]


def _flashes(client: FlaskClient) -> list[str]:
    with client.session_transaction() as session:
        return [text for _category, text in session.get("_flashes", [])]


def test_an_event_delivered_five_times_at_once_fulfils_the_order_once(app, db, fake) -> None:
    honey = _honey()
    card = _card_order(app, fake, honey)
    completed = _webhook(fake, _completed(fake, card))

    answers = at_once([(app.test_client(), completed) for _ in range(5)])

    assert [answer.status for answer in answers] == [200] * 5
    results = Counter(answer.json["result"] for answer in answers)
    assert results == Counter(applied=1, duplicate=4)
    assert _count(StripeEvent) == 1
    _assert_fulfilled_once(card, honey)


def test_the_success_page_and_the_webhook_ten_at_once_fulfil_the_order_once(app, db, fake) -> None:
    honey = _honey()
    card = _card_order(app, fake, honey)
    completed = _webhook(fake, _completed(fake, card))
    return_url = f"{card.return_path}&session_id={card.session_id}"

    def come_back(client: FlaskClient) -> TestResponse:
        return client.get(return_url)

    answers = at_once(
        [(app.test_client(), come_back) for _ in range(5)]
        + [(app.test_client(), completed) for _ in range(5)]
    )

    assert [answer.status for answer in answers] == [302] * 5 + [200] * 5
    assert _count(StripeEvent) == 1
    _assert_fulfilled_once(card, honey)


def test_two_staff_refunding_in_full_at_once_refund_once(app, db, fake, login_as) -> None:
    honey = _honey()
    card = _card_order(app, fake, honey)
    assert deliver(app.test_client(), fake, _completed(fake, card)).status_code == 200
    staff = [app.test_client() for _ in range(2)]
    for client in staff:
        client.set_cookie("lang", "en")
        login_as(Role.STAFF, client=client)
    order = card.order
    form = {"amount_vnd": str(order.total_vnd), "reason": "Khách đổi ý", "refunded_before": "0"}

    def refund(client: FlaskClient) -> TestResponse:
        return client.post(f"/staff/orders/{order.number}/refund", data=form)

    answers = at_once([(client, refund) for client in staff])

    assert [answer.status for answer in answers] == [302, 302]
    [made] = _refunds_at_stripe(fake, card)
    assert made["amount"] == order.total_vnd
    keys = {e.idempotency_key for e in fake.requests_log if e.path == "/v1/refunds"}
    assert len(keys) == 1  # both presses asked Stripe for the same refund
    told = [_flashes(client) for client in staff]
    assert not [text for texts in told for text in texts if "Stripe did not" in text], told
    assert any("Refund made" in text for texts in told for text in texts), told
    db.session.expire_all()
    [recorded] = db.session.scalars(select(CardRefund)).all()
    assert (recorded.stripe_refund_id, recorded.amount_vnd) == (made["id"], order.total_vnd)
    assert order.status is OrderStatus.REFUNDED
    assert _moved(order)[1:] == [
        (OrderStatus.AWAITING_PAYMENT, OrderStatus.PAID),
        (OrderStatus.PAID, OrderStatus.REFUNDED),
    ]
    assert _mails(order.email, "card_refund") == 1


def test_a_late_payments_event_delivered_five_times_at_once_is_refunded_once(app, db, fake) -> None:
    honey = _honey()
    staff: list[User] = UserFactory.create_batch(2, role=Role.STAFF)
    db.session.commit()
    card = _card_order(app, fake, honey)
    lapse([card.order], reason="its time ran out", now=utcnow())
    completed = _webhook(fake, _completed(fake, card))  # paid on a page left open

    answers = at_once([(app.test_client(), completed) for _ in range(5)])

    assert [answer.status for answer in answers] == [200] * 5
    [made] = _refunds_at_stripe(fake, card)
    db.session.expire_all()
    order = card.order
    [payment] = db.session.scalars(select(CardPayment)).all()
    assert payment.late and payment.amount_vnd == made["amount"] == order.total_vnd
    [recorded] = db.session.scalars(select(CardRefund)).all()
    assert (recorded.stripe_refund_id, recorded.automatic) == (made["id"], True)
    assert [_mails(member.email, "late_card_payment") for member in staff] == [1, 1]
    assert _mails(order.email, "card_refund") == 1
    assert _mails(order.email, "order_placed") == 0
    assert order.status is OrderStatus.CANCELLED
    assert _moved(order)[1:] == [(OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCELLED)]
    assert (_moves(order, MovementKind.RESERVATION), _moves(order, MovementKind.RELEASE)) == (1, 1)
    assert honey.stock == ledger_sums()[honey.id] == STOCK


def test_two_staff_refunding_at_once_with_different_reasons_are_both_told_it_is_made(
    app, db, fake, login_as
) -> None:
    card = _card_order(app, fake, _honey())
    assert deliver(app.test_client(), fake, _completed(fake, card)).status_code == 200
    staff = [app.test_client() for _ in range(2)]
    for client in staff:
        client.set_cookie("lang", "en")
        login_as(Role.STAFF, client=client)
    order = card.order

    def refund_because(reason: str) -> Press:
        form = {"amount_vnd": str(order.total_vnd), "reason": reason, "refunded_before": "0"}
        return lambda client: client.post(f"/staff/orders/{order.number}/refund", data=form)

    at_once([(staff[0], refund_because("Khách đổi ý")), (staff[1], refund_because("Hàng bị vỡ"))])

    told = [text for client in staff for text in _flashes(client)]
    assert len(_refunds_at_stripe(fake, card)) == 1  # holds
    assert not [text for text in told if "Stripe did not" in text], told


def test_a_refund_made_by_staff_keeps_its_actor_when_stripes_event_is_applied_first(
    app, db, fake, login_as
) -> None:
    card = _card_order(app, fake, _honey())
    assert deliver(app.test_client(), fake, _completed(fake, card)).status_code == 200
    staff_client = app.test_client()
    member = login_as(Role.STAFF, client=staff_client)
    order = card.order
    fake.stall_next("POST", "/v1/refunds", 1.0)  # made at once, answered a second late
    form = {"amount_vnd": str(order.total_vnd), "reason": "Khách đổi ý", "refunded_before": "0"}
    pressed = threading.Thread(
        target=staff_client.post,
        args=(f"/staff/orders/{order.number}/refund",),
        kwargs={"data": form},
    )
    pressed.start()
    while not events_of(fake, "charge.refunded"):
        time.sleep(0.05)
    [refunded] = events_of(fake, "charge.refunded")
    assert deliver(app.test_client(), fake, refunded).status_code == 200
    pressed.join(TIMEOUT)

    db.session.expire_all()
    [recorded] = db.session.scalars(select(CardRefund)).all()
    assert recorded.actor_id == member.id and recorded.reason == "Khách đổi ý"


def test_cancel_pressed_twice_at_once_refunds_once_and_returns_the_stock_once(
    app, db, fake
) -> None:
    honey = _honey()
    card = _card_order(app, fake, honey)
    assert deliver(app.test_client(), fake, _completed(fake, card)).status_code == 200
    order = card.order
    url = f"/orders/{order.number}/cancel?key={order.access_key}"

    answers = at_once([(app.test_client(), lambda client: client.post(url)) for _ in range(2)])

    assert [answer.status for answer in answers] == [302, 302]
    assert len(_refunds_at_stripe(fake, card)) == 1
    db.session.expire_all()
    assert order.status is OrderStatus.CANCELLED
    assert _moved(order)[-1] == (OrderStatus.PAID, OrderStatus.CANCELLED)
    assert _count(CardRefund) == 1
    assert _moves(order, MovementKind.RELEASE) == 1
    assert honey.stock == ledger_sums()[honey.id] == STOCK
    assert _mails(order.email, "card_refund") == 1
