"""`flask payments reconcile`: after an outage in which no event reached the store, the
command reads Stripe's recent sessions and refunds and brings every card order to where
Stripe stands; run again, it finds nothing more to do."""

from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from storefront.clock import utcnow
from storefront.extensions import db
from storefront.orders.models import OrderStatus, PaymentMethod
from storefront.payments.models import CardPayment, CardRefund
from storefront.payments.reconcile import reconcile
from tests.fake_stripe import FakeStripe
from tests.payments.card import place_card_order
from tests.payments.history import footprint, honey, mails
from tests.shopping import buy, product_key


def test_reconcile_applies_every_event_the_store_missed(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    """Stripe's events were never delivered: a paid session, an expired one, a refund made
    in the dashboard, and an order whose session never reached Stripe, past its deadline."""
    product = honey(stock=10)
    paid = place_card_order(client, fake_stripe, product)
    expired = place_card_order(app.test_client(), fake_stripe, product, quantity=2)
    refunded = place_card_order(app.test_client(), fake_stripe, product)
    never_started = buy(
        {product_key(product): 3}, PaymentMethod.CARD, at=utcnow() - timedelta(hours=2)
    )
    fake_stripe.pay(paid.session_id)
    fake_stripe.expire(expired.session_id)
    fake_stripe.pay(refunded.session_id)
    fake_stripe.refund(fake_stripe.sessions[refunded.session_id]["payment_intent"], amount=20_000)
    assert fake_stripe.webhook_url is None  # the events above reached no one

    run = app.test_cli_runner().invoke(args=["payments", "reconcile", "--days", "1"])

    assert run.exit_code == 0, run.output
    assert run.output.strip() == (
        "Sessions: 2 paid, 1 cancelled; 1 refunds recorded; 1 orders lapsed"
    )
    after = footprint()
    assert after.statuses == {
        paid.order.number: OrderStatus.PAID,
        expired.order.number: OrderStatus.CANCELLED,
        refunded.order.number: OrderStatus.PAID,
        never_started.number: OrderStatus.CANCELLED,
    }
    assert after.stock[product.id] == after.ledger[product.id] == 10 - 1 - 1
    paid_orders = set(db.session.scalars(select(CardPayment.order_id)))
    assert paid_orders == {paid.order.id, refunded.order.id}
    [refund] = db.session.scalars(select(CardRefund)).all()
    assert refund.payment.order_id == refunded.order.id and refund.amount_vnd == 20_000
    assert refund.stripe_refund_id in fake_stripe.refunds
    assert mails("order_placed", to="an@example.vn") == 2
    assert mails("card_refund", to="an@example.vn") == 1


def test_reconcile_run_twice_changes_nothing_more(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    product = honey()
    paid = place_card_order(client, fake_stripe, product)
    expired = place_card_order(app.test_client(), fake_stripe, product)
    fake_stripe.pay(paid.session_id)
    fake_stripe.refund(fake_stripe.sessions[paid.session_id]["payment_intent"], amount=10_000)
    fake_stripe.expire(expired.session_id)
    runner = app.test_cli_runner()
    runner.invoke(args=["payments", "reconcile"])
    once = footprint()

    again = runner.invoke(args=["payments", "reconcile"])

    assert again.exit_code == 0, again.output
    assert again.output.strip() == "Sessions: 2 unchanged; 0 refunds recorded; 0 orders lapsed"
    assert footprint() == once
    assert len(fake_stripe.refunds) == 1


def test_a_card_order_never_started_keeps_its_stock_until_its_deadline(
    fake_stripe: FakeStripe,
) -> None:
    """No session reached Stripe: the order lapses at its deadline, not before."""
    product = honey(stock=4)
    order = buy({product_key(product): 1}, PaymentMethod.CARD)

    since = utcnow() - timedelta(days=1)

    early = reconcile(since=since, now=order.payment_due_at - timedelta(minutes=1))
    held = footprint()
    late = reconcile(since=since, now=order.payment_due_at)

    assert (early["lapsed"], late["lapsed"]) == (0, 1)
    assert held.statuses[order.number] is OrderStatus.AWAITING_PAYMENT
    assert held.stock[product.id] == 3
    after = footprint()
    assert after.statuses[order.number] is OrderStatus.CANCELLED
    assert after.stock[product.id] == after.ledger[product.id] == 4


@pytest.mark.parametrize("secret_key", [None, "sk_test_only_this_one"])
def test_without_stripe_keys_reconcile_says_which_are_missing_and_fails(
    app: Flask, secret_key: str | None
) -> None:
    """Without both keys card payment is off, and the command names the two settings."""
    app.config["STRIPE_SECRET_KEY"] = secret_key

    run = app.test_cli_runner().invoke(args=["payments", "reconcile"])

    assert run.exit_code == 1
    assert "Stripe is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET" in (
        run.output
    )
