"""The fake Stripe, driven by the real `stripe` library, by plain HTTP for the hosted page,
and verified by the library's own webhook signature check."""

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
import stripe
from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

from tests.fake_stripe import FakeStripe

SUCCESS_URL = "https://shop.test/checkout/done?session={CHECKOUT_SESSION_ID}"
CANCEL_URL = "https://shop.test/checkout/cancelled"


def session_params(**changes: Any) -> dict[str, Any]:
    """A VND session of two lines: 2 × 350.000 ₫ + 1 × 150.000 ₫ = 850.000 ₫."""
    return {
        "mode": "payment",
        "line_items": [
            {
                "price_data": {
                    "currency": "vnd",
                    "unit_amount": 350000,
                    "product_data": {"name": "Shan tuyết tea"},
                },
                "quantity": 2,
            },
            {
                "price_data": {
                    "currency": "vnd",
                    "unit_amount": 150000,
                    "product_data": {"name": "Forest honey"},
                },
                "quantity": 1,
            },
        ],
        "success_url": SUCCESS_URL,
        "cancel_url": CANCEL_URL,
        "client_reference_id": "order-42",
        "metadata": {"order": "42"},
        "customer_email": "lan@example.vn",
        "locale": "vi",
        "expires_at": int(time.time()) + 3600,
        "payment_intent_data": {"metadata": {"order": "42"}},
        **changes,
    }


class Receiver:
    """A webhook endpoint on a werkzeug server in a thread: it records each delivery (body
    and Stripe-Signature) and runs `on_event`, when set, before answering 200."""

    def __init__(self) -> None:
        self.deliveries: list[tuple[bytes, str]] = []
        self.on_event: Callable[[dict[str, Any]], None] | None = None
        self._server: BaseWSGIServer = make_server("127.0.0.1", 0, self._app, threaded=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/webhooks/stripe"

    def types(self) -> list[str]:
        return [json.loads(body)["type"] for body, _ in self.deliveries]

    @Request.application
    def _app(self, request: Request) -> Response:
        self.deliveries.append((request.get_data(), request.headers["Stripe-Signature"]))
        if self.on_event is not None:
            self.on_event(request.get_json())
        return Response("", 200)

    def __enter__(self) -> "Receiver":
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


@pytest.fixture
def fake() -> Iterator[FakeStripe]:
    with FakeStripe() as running:
        yield running


@pytest.fixture
def client(fake: FakeStripe) -> stripe.StripeClient:
    return stripe.StripeClient(
        fake.secret_key,
        base_addresses={"api": fake.api_base},
        max_network_retries=2,
        http_client=stripe.RequestsClient(timeout=1),
    )


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as running:
        yield running


def create(client: stripe.StripeClient, **changes: Any) -> stripe.checkout.Session:
    return client.v1.checkout.sessions.create(params=session_params(**changes))


def paid_intent(fake: FakeStripe, client: stripe.StripeClient) -> str:
    session = create(client)
    fake.pay(session.id)
    return fake.sessions[session.id]["payment_intent"]


# Sessions


def test_a_session_is_created_open_and_unpaid(client: stripe.StripeClient) -> None:
    session = create(client)

    assert session.id.startswith("cs_test_")
    assert (session.object, session.mode, session.status) == ("checkout.session", "payment", "open")
    assert (session.payment_status, session.payment_intent) == ("unpaid", None)
    assert (session.amount_subtotal, session.amount_total, session.currency) == (
        850000,
        850000,
        "vnd",
    )
    assert (session.client_reference_id, session.metadata["order"]) == ("order-42", "42")
    assert (session.customer_email, session.customer_details) == ("lan@example.vn", None)
    assert (session.success_url, session.livemode) == (SUCCESS_URL, False)
    assert session.url.endswith(f"/pay/{session.id}")


def test_a_session_is_retrieved_with_expansions_and_its_line_items(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    session = create(client)
    fake.pay(session.id)

    got = client.v1.checkout.sessions.retrieve(
        session.id, params={"expand": ["payment_intent.latest_charge"]}
    )
    lines = client.v1.checkout.sessions.line_items.list(session.id)

    assert got.payment_intent.object == "payment_intent"
    assert got.payment_intent.latest_charge.object == "charge"
    assert got.payment_intent.latest_charge.amount == 850000
    assert [(line.description, line.quantity, line.amount_total) for line in lines] == [
        ("Shan tuyết tea", 2, 700000),
        ("Forest honey", 1, 150000),
    ]


def test_sessions_are_listed_newest_first_page_by_page(client: stripe.StripeClient) -> None:
    started = int(time.time())
    ids = [create(client, client_reference_id=str(number)).id for number in range(5)]

    first_page = client.v1.checkout.sessions.list(params={"limit": 2})
    every = list(first_page.auto_paging_iter())
    recent = client.v1.checkout.sessions.list(params={"created": {"gte": started}, "limit": 100})
    future = client.v1.checkout.sessions.list(params={"created": {"gt": started + 3600}})

    assert (len(first_page.data), first_page.has_more, first_page.url) == (
        2,
        True,
        "/v1/checkout/sessions",
    )
    assert [session.id for session in every] == ids[::-1]
    assert len(recent.data) == 5
    assert (future.data, future.has_more) == ([], False)


def test_unknown_ids_and_keys_get_stripes_errors(fake: FakeStripe) -> None:
    client = stripe.StripeClient(fake.secret_key, base_addresses={"api": fake.api_base})
    intruder = stripe.StripeClient("sk_test_wrong_key_1234", base_addresses={"api": fake.api_base})

    with pytest.raises(stripe.InvalidRequestError) as missing:
        client.v1.checkout.sessions.retrieve("cs_test_nope")
    with pytest.raises(stripe.AuthenticationError) as refused:
        intruder.v1.checkout.sessions.list()

    assert (missing.value.http_status, missing.value.code, missing.value.param) == (
        404,
        "resource_missing",
        "id",
    )
    assert missing.value.user_message == "No such checkout.session: 'cs_test_nope'"
    assert refused.value.http_status == 401
    assert refused.value.user_message.startswith("Invalid API Key provided: sk_test_")


@pytest.mark.parametrize(
    ("changes", "param"),
    [
        ({"mode": "subscription"}, "mode"),
        ({"expires_at": int(time.time()) + 600}, "expires_at"),
        ({"expires_at": int(time.time()) + 25 * 3600}, "expires_at"),
        ({"success_url": None}, "success_url"),
        ({"locale": "vi_VN"}, "locale"),
        ({"shipping_options": [{"shipping_rate": "shr_1"}]}, "shipping_options"),
        (
            {
                "line_items": [
                    {
                        "price_data": {
                            "currency": "vnd",
                            "unit_amount": "850000.5",
                            "product_data": {"name": "Tea"},
                        },
                        "quantity": 1,
                    }
                ]
            },
            "line_items[0][price_data][unit_amount]",
        ),
        (
            {
                "line_items": [
                    *session_params()["line_items"],
                    {
                        "price_data": {
                            "currency": "usd",
                            "unit_amount": 500,
                            "product_data": {"name": "Mug"},
                        },
                        "quantity": 1,
                    },
                ]
            },
            "line_items[2][price_data][currency]",
        ),
    ],
)
def test_bad_parameters_are_refused(
    fake: FakeStripe, client: stripe.StripeClient, changes: dict[str, Any], param: str
) -> None:
    with pytest.raises(stripe.InvalidRequestError) as refused:
        create(client, **changes)

    assert (refused.value.http_status, refused.value.param) == (400, param)
    assert fake.sessions == {}


# The hosted page


def test_paying_on_the_hosted_page_completes_the_session_and_redirects(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    session = create(client)

    page = requests.get(session.url, timeout=2)
    paid = requests.post(session.url, data={"action": "pay"}, allow_redirects=False, timeout=2)

    assert page.status_code == 200
    assert "Test payment page — fake Stripe" in page.text
    assert "850.000 ₫" in page.text
    assert "Shan tuyết tea × 2" in page.text
    assert "lan@example.vn" in page.text
    buttons = re.findall(r'<button[^>]*value="(\w+)"[^>]*>([^<]+)</button>', page.text)
    assert buttons == [
        ("pay", "Pay"),
        ("pay_later", "Pay later (bank debit)"),
        ("cancel", "Cancel"),
    ]
    assert paid.status_code == 303
    assert paid.headers["Location"] == SUCCESS_URL.replace("{CHECKOUT_SESSION_ID}", session.id)
    got = client.v1.checkout.sessions.retrieve(session.id, params={"expand": ["payment_intent"]})
    assert (got.status, got.payment_status, got.url) == ("complete", "paid", None)
    assert got.customer_details.email == "lan@example.vn"
    assert (got.payment_intent.status, got.payment_intent.amount_received) == ("succeeded", 850000)
    assert got.payment_intent.metadata["order"] == "42"
    charge = client.v1.charges.retrieve(got.payment_intent.latest_charge)
    assert (charge.captured, charge.paid, charge.status, charge.amount_refunded) == (
        True,
        True,
        "succeeded",
        0,
    )
    assert [event["type"] for event in fake.events] == [
        "payment_intent.succeeded",
        "checkout.session.completed",
    ]
    completed = fake.events[-1]["data"]["object"]
    assert (completed["id"], completed["payment_status"]) == (session.id, "paid")
    by_intent = client.v1.checkout.sessions.list(params={"payment_intent": got.payment_intent.id})
    assert [found.id for found in by_intent] == [session.id]


def test_cancel_returns_to_the_shop_and_leaves_the_session_open(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    session = create(client)

    cancelled = requests.post(
        session.url, data={"action": "cancel"}, allow_redirects=False, timeout=2
    )

    assert (cancelled.status_code, cancelled.headers["Location"]) == (303, CANCEL_URL)
    assert fake.sessions[session.id]["status"] == "open"
    assert fake.events == []


def test_a_complete_or_expired_session_cannot_be_paid(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    paid, expired = create(client), create(client)
    fake.pay(paid.id)
    fake.expire(expired.id)
    emitted = len(fake.events)

    again = requests.post(paid.url, data={"action": "pay"}, allow_redirects=False, timeout=2)
    late = requests.post(expired.url, data={"action": "pay"}, allow_redirects=False, timeout=2)

    assert again.status_code == late.status_code == 400
    assert "This Checkout Session is complete" in again.text
    assert "This Checkout Session is expired" in late.text
    assert "<button" not in again.text + late.text
    assert len(fake.events) == emitted
    assert len(fake.payment_intents) == 1


def test_paying_later_completes_the_session_unpaid_until_the_debit_succeeds(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    session = create(client)

    later = requests.post(
        session.url, data={"action": "pay_later"}, allow_redirects=False, timeout=2
    )
    in_flight = client.v1.checkout.sessions.retrieve(
        session.id, params={"expand": ["payment_intent"]}
    )
    settled = fake.settle(session.id, succeed=True)

    assert later.status_code == 303
    assert (in_flight.status, in_flight.payment_status) == ("complete", "unpaid")
    assert (in_flight.payment_intent.status, in_flight.payment_intent.latest_charge) == (
        "processing",
        None,
    )
    assert [event["type"] for event in settled] == [
        "payment_intent.succeeded",
        "checkout.session.async_payment_succeeded",
    ]
    assert fake.sessions[session.id]["payment_status"] == "paid"
    assert len(fake.charges) == 1


def test_a_failed_debit_leaves_the_session_unpaid(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    session = create(client)
    fake.pay_later(session.id)

    settled = fake.settle(session.id, succeed=False)

    intent = client.v1.payment_intents.retrieve(fake.sessions[session.id]["payment_intent"])
    assert settled[-1]["type"] == "checkout.session.async_payment_failed"
    assert settled[-1]["data"]["object"]["payment_status"] == "unpaid"
    assert intent.status == "requires_payment_method"
    assert intent.last_payment_error.code == "payment_intent_payment_attempt_failed"
    assert fake.charges == {}


def test_a_session_expires_once(fake: FakeStripe, client: stripe.StripeClient) -> None:
    session = create(client)

    expired = client.v1.checkout.sessions.expire(session.id)
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.checkout.sessions.expire(session.id)

    assert (expired.status, expired.url) == ("expired", None)
    assert [event["type"] for event in fake.events] == ["checkout.session.expired"]
    assert fake.events[0]["request"]["idempotency_key"] is not None


# Idempotency


def test_the_same_key_and_parameters_replay_the_first_answer(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    params = session_params()

    first = client.v1.checkout.sessions.create(params=params, options={"idempotency_key": "k-1"})
    second = client.v1.checkout.sessions.create(params=params, options={"idempotency_key": "k-1"})

    assert second.id == first.id
    assert second.last_response.headers["Idempotent-Replayed"] == "true"
    assert len(fake.sessions) == 1
    assert [entry.replayed for entry in fake.requests_log] == [False, True]


def test_the_same_key_with_other_parameters_is_refused(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    client.v1.checkout.sessions.create(params=session_params(), options={"idempotency_key": "k"})

    with pytest.raises(stripe.IdempotencyError) as refused:
        client.v1.checkout.sessions.create(
            params=session_params(client_reference_id="other"), options={"idempotency_key": "k"}
        )

    assert refused.value.http_status == 400
    assert len(fake.sessions) == 1


def test_a_timed_out_create_is_retried_with_its_key_and_makes_one_session(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    fake.stall_next("POST", "/v1/checkout/sessions", 1.3)

    session = create(client)

    assert list(fake.sessions) == [session.id]
    posts = [entry for entry in fake.requests_log if entry.method == "POST"]
    assert len(posts) == 2
    assert posts[0].idempotency_key == posts[1].idempotency_key is not None
    assert [entry.replayed for entry in posts] == [False, True]


def test_a_key_is_busy_while_its_first_request_runs(
    fake: FakeStripe, client: stripe.StripeClient, receiver: Receiver
) -> None:
    intent = paid_intent(fake, client)
    answers: list[requests.Response] = []

    def send_the_same_refund_again(event: dict[str, Any]) -> None:
        if event["type"] == "charge.refunded":
            answers.append(
                requests.post(
                    f"{fake.api_base}/v1/refunds",
                    data={"payment_intent": intent},
                    headers={
                        "Authorization": f"Bearer {fake.secret_key}",
                        "Idempotency-Key": "refund-1",
                    },
                    timeout=2,
                )
            )

    receiver.on_event = send_the_same_refund_again
    fake.webhook_url = receiver.url
    client.v1.refunds.create(
        params={"payment_intent": intent}, options={"idempotency_key": "refund-1"}
    )

    assert [answer.status_code for answer in answers] == [409]
    assert answers[0].json()["error"]["type"] == "idempotency_error"
    assert answers[0].json()["error"]["code"] == "idempotency_key_in_use"
    assert len(fake.refunds) == 1


def test_concurrent_requests_are_all_served(fake: FakeStripe) -> None:
    def create_one(number: int) -> str:
        client = stripe.StripeClient(fake.secret_key, base_addresses={"api": fake.api_base})
        return create(client, client_reference_id=str(number)).id

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(create_one, range(16)))

    assert sorted(ids) == sorted(fake.sessions)
    assert len(set(ids)) == 16


# Refunds


def test_a_full_refund_refunds_the_charge_once(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    intent = paid_intent(fake, client)

    refund = client.v1.refunds.create(
        params={"payment_intent": intent, "reason": "requested_by_customer"}
    )
    with pytest.raises(stripe.InvalidRequestError) as again:
        client.v1.refunds.create(params={"payment_intent": intent})

    assert (refund.object, refund.amount, refund.status, refund.payment_intent) == (
        "refund",
        850000,
        "succeeded",
        intent,
    )
    charge = client.v1.charges.retrieve(refund.charge)
    assert (charge.amount_refunded, charge.refunded) == (850000, True)
    assert again.value.code == "charge_already_refunded"
    assert [event["type"] for event in fake.events[-2:]] == ["charge.refunded", "refund.created"]
    assert fake.events[-2]["data"]["object"]["refunded"] is True


def test_partial_refunds_add_up_and_cannot_exceed_the_charge(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    intent = paid_intent(fake, client)

    first = client.v1.refunds.create(params={"payment_intent": intent, "amount": 150000})
    fake.refund(intent, amount=200000)
    with pytest.raises(stripe.InvalidRequestError) as too_much:
        client.v1.refunds.create(params={"payment_intent": intent, "amount": 600000})
    with pytest.raises(stripe.InvalidRequestError) as nothing:
        client.v1.refunds.create(params={"charge": first.charge, "amount": 0})

    charge = fake.charges[first.charge]
    assert (charge["amount_refunded"], charge["refunded"]) == (350000, False)
    assert (too_much.value.param, nothing.value.param) == ("amount", "amount")
    listed = client.v1.refunds.list(params={"payment_intent": intent})
    assert [refund.amount for refund in listed] == [200000, 150000]
    assert client.v1.refunds.retrieve(first.id).amount == 150000


# Webhooks


def test_signed_events_pass_stripes_own_check_and_tampered_ones_fail(
    fake: FakeStripe, client: stripe.StripeClient
) -> None:
    fake.pay(create(client).id)
    event = fake.events[-1]
    payload, headers = fake.signed_request(event)
    signature = headers["Stripe-Signature"]

    verified = stripe.Webhook.construct_event(payload, signature, fake.webhook_secret)

    assert (verified.id, verified.type) == (event["id"], "checkout.session.completed")
    timestamp = re.fullmatch(r"t=(\d+),v1=[0-9a-f]{64}", signature)
    assert timestamp is not None
    assert fake.sign(payload, timestamp=int(timestamp[1])) == signature
    stale = fake.sign(payload, timestamp=int(time.time()) - 600)
    for body, header, secret in [
        (payload.replace(b"paid", b"PAID"), signature, fake.webhook_secret),
        (payload, signature, "whsec_other"),
        (payload, stale, fake.webhook_secret),
    ]:
        with pytest.raises(stripe.SignatureVerificationError):
            stripe.Webhook.construct_event(body, header, secret)


def test_events_are_delivered_to_the_webhook_url_and_can_be_redelivered(
    fake: FakeStripe, client: stripe.StripeClient, receiver: Receiver
) -> None:
    fake.webhook_url = receiver.url
    session = create(client)

    emitted = fake.pay(session.id)
    status = fake.deliver(emitted[-1])

    assert status == 200
    assert receiver.types() == [
        "payment_intent.succeeded",
        "checkout.session.completed",
        "checkout.session.completed",
    ]
    for body, signature in receiver.deliveries:
        stripe.Webhook.construct_event(body, signature, fake.webhook_secret)
    assert receiver.deliveries[1][0] == receiver.deliveries[2][0]
