"""Creating the Checkout Session when Stripe is slow or its answer is lost: the buyer is
never given two sessions for one order."""

from flask import Flask
from flask.testing import FlaskClient

from tests.fake_stripe import FakeStripe
from tests.payments.card import place_card_order
from tests.payments.history import honey
from tests.shopping import checkout_form, product_key

SESSIONS = "/v1/checkout/sessions"


def _session_keys(fake: FakeStripe) -> list[str | None]:
    return [
        r.idempotency_key for r in fake.requests_log if (r.method, r.path) == ("POST", SESSIONS)
    ]


def test_a_timeout_while_creating_the_session_is_retried_with_the_same_key(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    """A timeout from Stripe while creating the session → the retry reuses the same
    idempotency key, and Stripe holds one session."""
    app.config["STRIPE_TIMEOUT_SECONDS"] = 1
    fake_stripe.stall_next("POST", SESSIONS, 2.5)

    card = place_card_order(client, fake_stripe, honey())

    [session] = fake_stripe.sessions.values()
    assert card.session_id == session["id"] and card.pay_url == session["url"]
    keys = _session_keys(fake_stripe)
    assert len(keys) >= 2 and set(keys) == {keys[0]}
    assert keys[0].startswith(f"ocop-{card.order.number}-")  # the order's, not the library's
    assert any(r.replayed for r in fake_stripe.requests_log if r.path == SESSIONS)


def test_pay_by_card_finds_the_session_whose_answer_was_lost(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    """Stripe made the session but no answer came back, even after retries: the buyer is
    told, and "Pay by card" later sends them to that session rather than a second one."""
    app.config.update(STRIPE_TIMEOUT_SECONDS=0.5, STRIPE_NETWORK_RETRIES=0)
    fake_stripe.stall_next("POST", SESSIONS, 1.0)
    client.set_cookie("lang", "en")
    client.post("/cart/add", data={"item": product_key(honey()).encode(), "quantity": 1})
    client.post("/checkout", data=checkout_form() | {"payment": "card"})

    placed = client.post("/checkout/place", follow_redirects=True)

    assert "We could not reach the card payment service" in placed.text
    [made] = fake_stripe.sessions.values()
    number = made["client_reference_id"]
    key = placed.request.args["key"]
    assert placed.request.path == f"/orders/{number}"

    again = client.post(f"/orders/{number}/pay-by-card?key={key}")

    assert again.status_code == 303 and again.location == made["url"]
    assert list(fake_stripe.sessions) == [made["id"]]
    assert len(_session_keys(fake_stripe)) == 1
