"""Paying by card through Stripe Checkout: the session the store asks for, the way back
to the store, and what the buyer sees, with the real `stripe` library talking to a fake
Stripe over HTTP."""

import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import requests
from sqlalchemy import func, select

from storefront.clock import utcnow
from storefront.extensions import db
from storefront.orders.models import OrderStatus
from storefront.payments.models import CardPayment
from tests.payments.card import mails_to, place_card_order
from tests.shopping import checkout_form, ledger_sums, product_key, stocked_product


def _honey(price_vnd: int = 150_000, stock: int = 10):
    honey = stocked_product(stock, name="Mật ong U Minh", name_en="U Minh honey")
    honey.price_vnd = price_vnd
    db.session.commit()
    return honey


def test_card_order_asks_stripe_for_a_session_in_whole_dong(client, fake_stripe) -> None:
    honey = _honey(150_000)

    card = place_card_order(client, fake_stripe, honey, quantity=2)

    session = fake_stripe.sessions[card.session_id]
    order = card.order
    assert session["currency"] == "vnd" and session["mode"] == "payment"
    assert session["amount_total"] == order.total_vnd == 300_000 + order.shipping_vnd
    [created] = [r for r in fake_stripe.requests_log if r.path == "/v1/checkout/sessions"]
    assert created.idempotency_key.startswith(f"ocop-{order.number}-")
    assert session["client_reference_id"] == order.number
    assert session["metadata"]["order_id"] == str(order.id)
    assert session["customer_email"] == order.email and session["locale"] == "en"
    expires_in = session["expires_at"] - session["created"]
    assert 30 * 60 <= expires_in <= 32 * 60
    assert order.status is OrderStatus.AWAITING_PAYMENT
    db.session.expire_all()
    assert honey.stock == 8  # reserved at once, as for the other methods
    assert mails_to(order.email) == 0  # confirmed once paid


def test_the_session_lists_each_line_and_the_shipping(client, fake_stripe) -> None:
    honey = _honey(150_000)
    card = place_card_order(client, fake_stripe, honey, quantity=3)

    items = fake_stripe.client().v1.checkout.sessions.line_items.list(card.session_id).data

    assert [(item.description, item.quantity, item.amount_total) for item in items] == [
        ("U Minh honey", 3, 450_000),
        ("Shipping", 1, card.order.shipping_vnd),
    ]


def test_paying_and_coming_back_marks_the_order_paid_once(client, fake_stripe) -> None:
    honey = _honey()
    card = place_card_order(client, fake_stripe, honey)
    fake_stripe.pay(card.session_id)  # no webhook: the return page must do it alone

    back = client.get(f"{card.return_path}&session_id={card.session_id}")
    again = client.get(f"{card.return_path}&session_id={card.session_id}", follow_redirects=True)

    assert back.status_code == 302
    assert "Payment received, thank you!" in again.text or "Paid" in again.text
    db.session.expire_all()
    order = card.order
    assert order.status is OrderStatus.PAID and order.paid_at is not None
    [payment] = db.session.scalars(select(CardPayment)).all()
    session = fake_stripe.sessions[card.session_id]
    assert (payment.session_id, payment.payment_intent_id) == (
        card.session_id,
        session["payment_intent"],
    )
    assert (payment.amount_vnd, payment.currency) == (order.total_vnd, "vnd")
    assert mails_to(order.email) == 1
    assert ledger_sums()[honey.id] == 9


def test_a_slow_payment_method_is_being_confirmed(client, fake_stripe) -> None:
    card = place_card_order(client, fake_stripe, _honey())
    fake_stripe.pay_later(card.session_id)

    page = client.get(f"{card.return_path}&session_id={card.session_id}", follow_redirects=True)

    assert "We are confirming your payment" in page.text
    assert "Payment on its way" in page.text and "Pay by card" not in page.text
    pressed = client.post(
        f"/orders/{card.order.number}/pay-by-card?key={card.order.access_key}",
        follow_redirects=True,
    )
    assert "This order is not waiting for a card payment." in pressed.text
    db.session.expire_all()
    assert card.order.status is OrderStatus.AWAITING_PAYMENT
    assert db.session.scalar(select(func.count()).select_from(CardPayment)) == 0


def test_a_foreign_or_unpaid_session_fulfils_nothing_and_shows_nothing(client, fake_stripe) -> None:
    honey = _honey()
    mine = place_card_order(client, fake_stripe, honey)
    other = place_card_order(client.application.test_client(), fake_stripe, honey)
    fake_stripe.pay(other.session_id)

    foreign = client.get(f"{mine.return_path}&session_id={other.session_id}")
    made_up = client.get(f"{mine.return_path}&session_id=cs_test_made_up")
    no_key = client.get(f"/orders/{mine.order.number}/card-return?session_id={mine.session_id}")
    unpaid = client.get(f"{mine.return_path}&session_id={mine.session_id}", follow_redirects=True)

    assert foreign.status_code == made_up.status_code == no_key.status_code == 404
    assert other.order.number not in foreign.text
    assert "Your card payment was not completed." in unpaid.text
    db.session.expire_all()
    assert mine.order.status is other.order.status is OrderStatus.AWAITING_PAYMENT
    assert db.session.scalar(select(func.count()).select_from(CardPayment)) == 0


def test_leaving_the_payment_page_keeps_the_order_to_pay_later(client, fake_stripe) -> None:
    card = place_card_order(client, fake_stripe, _honey())
    cancel_url = fake_stripe.sessions[card.session_id]["cancel_url"]

    page = client.get(f"{urlsplit(cancel_url).path}?{urlsplit(cancel_url).query}")
    again = client.post(f"/orders/{card.order.number}/pay-by-card?key={card.order.access_key}")

    assert "You left the payment page before paying" in page.text
    assert again.status_code == 303 and again.location == card.pay_url
    assert len(fake_stripe.sessions) == 1  # the same session, not a second one


def test_the_hosted_page_takes_the_buyer_back_to_the_store(client, fake_stripe) -> None:
    card = place_card_order(client, fake_stripe, _honey())

    paid = requests.post(card.pay_url, data={"action": "pay"}, allow_redirects=False, timeout=5)

    assert paid.status_code == 303
    assert paid.headers["Location"].endswith(f"&session_id={card.session_id}")
    assert card.return_path in paid.headers["Location"]


def test_without_stripe_keys_card_is_not_offered_and_checkout_says_so(client, app, db) -> None:
    from tests.shopping import shipping_table

    shipping_table()
    honey = _honey()
    client.set_cookie("lang", "en")
    client.post("/cart/add", data={"item": product_key(honey).encode(), "quantity": 1})

    page = client.get("/checkout").text
    refused = client.post("/checkout", data=checkout_form() | {"payment": "card"})

    assert 'value="card"' not in page
    assert "Card payment is not available at the moment" in page
    assert refused.status_code == 200 and "Not a valid choice" in refused.text


def test_a_card_order_never_started_lapses_at_reconcile(app, client, fake_stripe) -> None:
    """Stripe down when the order was placed: it holds stock until its deadline, then
    `flask payments reconcile` lets it go."""
    honey = _honey(stock=3)
    app.config["STRIPE_API_BASE"] = "http://127.0.0.1:9"  # nothing listens
    app.config["STRIPE_NETWORK_RETRIES"] = 0
    client.set_cookie("lang", "en")
    client.post("/cart/add", data={"item": product_key(honey).encode(), "quantity": 1})
    client.post("/checkout", data=checkout_form() | {"payment": "card"})

    placed = client.post("/checkout/place", follow_redirects=True)

    assert "We could not reach the card payment service" in placed.text
    assert "Pay by card" in placed.text
    db.session.expire_all()
    assert honey.stock == 2
    app.config["STRIPE_API_BASE"] = fake_stripe.api_base
    later = utcnow() + timedelta(minutes=40)
    from storefront.payments.reconcile import reconcile

    report = reconcile(since=utcnow() - timedelta(days=1), now=later)

    assert report["lapsed"] == 1
    db.session.expire_all()
    assert honey.stock == 3


def test_the_browser_may_follow_place_order_to_stripe_checkout(app, client, fake_stripe) -> None:
    """ "Place order" answers with a redirect to Stripe's page: the policy's form-action
    must allow it, or the browser stops on the review page."""
    policy = client.get("/").headers["Content-Security-Policy"]
    app.config["STRIPE_API_BASE"] = None
    default = client.get("/").headers["Content-Security-Policy"]

    assert f"form-action 'self' {fake_stripe.api_base}" in policy
    assert "form-action 'self' https://checkout.stripe.com" in default


def test_only_the_gateway_module_imports_stripe() -> None:
    package = Path(__file__).resolve().parents[2] / "storefront"
    importers = {
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if re.search(r"^\s*(import stripe|from stripe)\b", path.read_text(), re.MULTILINE)
    }

    assert importers == {"payments/stripe_gateway.py"}
