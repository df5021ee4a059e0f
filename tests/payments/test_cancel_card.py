"""Cancelling a card order: a paid one is refunded in full, once, and its stock returns
once; an unpaid one's Stripe page is closed; with Stripe out of reach the order is
cancelled all the same and reconcile refunds it later."""

from datetime import timedelta

from sqlalchemy import select

from storefront.clock import utcnow
from storefront.extensions import db
from storefront.orders.models import OrderStatus
from storefront.payments.models import CardRefund
from storefront.payments.reconcile import reconcile
from tests.payments.card import mails_to, place_card_order
from tests.shopping import ledger_sums, stocked_product


def _honey():
    honey = stocked_product(5, name="Mật ong U Minh")
    db.session.commit()
    return honey


def _cancel(client, card):
    order = card.order
    return client.post(
        f"/orders/{order.number}/cancel?key={order.access_key}", follow_redirects=True
    )


def _paid(client, fake_stripe, honey):
    card = place_card_order(client, fake_stripe, honey, quantity=2)
    fake_stripe.pay(card.session_id)
    client.get(f"{card.return_path}&session_id={card.session_id}")
    db.session.expire_all()
    assert card.order.status is OrderStatus.PAID
    return card


def test_cancelling_a_paid_card_order_refunds_it_once(client, fake_stripe) -> None:
    honey = _honey()
    card = _paid(client, fake_stripe, honey)

    page = _cancel(client, card)
    _cancel(client, card)

    assert f"Order {card.order.number} is cancelled." in page.text
    [refund] = fake_stripe.refunds.values()
    assert refund["amount"] == card.order.total_vnd
    [recorded] = db.session.scalars(select(CardRefund)).all()
    assert recorded.stripe_refund_id == refund["id"] and recorded.automatic
    db.session.expire_all()
    assert card.order.status is OrderStatus.CANCELLED
    assert honey.stock == 5 and ledger_sums()[honey.id] == 5
    assert mails_to(card.order.email) == 3  # the confirmation, the cancellation, the refund


def test_cancelling_an_unpaid_card_order_closes_its_stripe_page(client, fake_stripe) -> None:
    honey = _honey()
    card = place_card_order(client, fake_stripe, honey)

    _cancel(client, card)

    assert fake_stripe.sessions[card.session_id]["status"] == "expired"
    assert fake_stripe.refunds == {}
    db.session.expire_all()
    assert card.order.status is OrderStatus.CANCELLED and honey.stock == 5


def test_with_stripe_away_the_order_is_cancelled_and_reconcile_refunds_it(
    app, client, fake_stripe
) -> None:
    honey = _honey()
    card = _paid(client, fake_stripe, honey)
    app.config.update(STRIPE_API_BASE="http://127.0.0.1:9", STRIPE_NETWORK_RETRIES=0)

    page = _cancel(client, card)

    assert "Your refund is on its way" in page.text
    assert fake_stripe.refunds == {}
    db.session.expire_all()
    assert card.order.status is OrderStatus.CANCELLED and honey.stock == 5
    app.config["STRIPE_API_BASE"] = fake_stripe.api_base
    now = utcnow()
    first = reconcile(since=now - timedelta(days=1), now=now)
    second = reconcile(since=now - timedelta(days=1), now=now)

    assert first["refunds"] == 1 and second["refunds"] == 0
    assert len(fake_stripe.refunds) == 1
