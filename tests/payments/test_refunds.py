"""Refunds of card orders: staff's, from the order page; those made in Stripe's dashboard,
learnt from charge.refunded; and the automatic refund of money that came for an order
already cancelled."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from storefront.accounts.models import Role, User
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.mail.models import OutboxMessage
from storefront.money import format_vnd
from storefront.orders.models import OrderStatus
from storefront.orders.service import lapse
from storefront.payments.models import CardPayment, CardRefund
from tests.factories import UserFactory
from tests.fake_stripe import FakeStripe
from tests.payments.card import CardOrder, deliver, events_of, place_card_order
from tests.payments.history import footprint, honey, mails

BUYER = "an@example.vn"
REASON = "Một hũ bị vỡ khi giao"


def _paid_order(client: FlaskClient, fake: FakeStripe) -> CardOrder:
    """A card order of one jar, paid, its completed event delivered."""
    card = place_card_order(client, fake, honey())
    fake.pay(card.session_id)
    [completed] = events_of(fake, "checkout.session.completed")
    assert deliver(client, fake, completed).status_code == 200
    db.session.expire_all()
    return card


def _staff(app: Flask, login_as) -> tuple[FlaskClient, User]:
    """A browser of its own, signed in as staff, reading English."""
    browser = app.test_client()
    browser.set_cookie("lang", "en")
    return browser, login_as(Role.STAFF, client=browser)


def _refund_path(card: CardOrder) -> str:
    return f"/staff/orders/{card.order.number}/refund"


def _form(amount_vnd: int, *, seen: int, reason: str = REASON) -> dict[str, object]:
    """The refund form as staff send it, `seen` being what the page showed refunded."""
    return {"amount_vnd": amount_vnd, "reason": reason, "refunded_before": seen}


def _refunds() -> list[CardRefund]:
    db.session.expire_all()
    return list(db.session.scalars(select(CardRefund).order_by(CardRefund.id)))


def test_staff_refund_part_then_the_rest_and_the_order_is_refunded(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe, login_as
) -> None:
    card = _paid_order(client, fake_stripe)
    total = card.order.total_vnd
    staff, user = _staff(app, login_as)

    first = staff.post(_refund_path(card), data=_form(50_000, seen=0))
    db.session.expire_all()
    assert card.order.status is OrderStatus.PAID
    rest = staff.post(
        _refund_path(card),
        data=_form(total - 50_000, seen=50_000, reason="Khách hủy"),
        follow_redirects=True,
    )

    assert first.status_code == 302
    assert "Refund made. The buyer is told by e-mail." in rest.text
    refunds = _refunds()
    assert [(r.amount_vnd, r.reason, r.actor_id) for r in refunds] == [
        (50_000, REASON, user.id),
        (total - 50_000, "Khách hủy", user.id),
    ]
    assert not any(refund.automatic for refund in refunds)
    assert sorted(r["amount"] for r in fake_stripe.refunds.values()) == sorted(
        [50_000, total - 50_000]
    )
    assert card.order.status is OrderStatus.REFUNDED
    assert mails("card_refund", to=BUYER) == 2


def test_a_refund_of_more_than_is_left_is_refused_and_changes_nothing(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe, login_as
) -> None:
    card = _paid_order(client, fake_stripe)
    left = card.order.total_vnd - 50_000
    staff, _user = _staff(app, login_as)
    staff.post(_refund_path(card), data=_form(50_000, seen=0))
    before = footprint()

    page = staff.post(
        _refund_path(card),
        data=_form(left + 1, seen=50_000),
        follow_redirects=True,
    )

    assert f"Refund between 1 ₫ and {format_vnd(left)}, what is left of the payment." in page.text
    assert footprint() == before
    assert len(fake_stripe.refunds) == 1


def test_only_staff_may_refund(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe, login_as
) -> None:
    """An anonymous visitor is sent to sign in; a shopper, even the buyer, is refused."""
    card = _paid_order(client, fake_stripe)
    shopper = app.test_client()
    login_as(Role.SHOPPER, client=shopper)
    data = _form(10_000, seen=0)

    anonymous = app.test_client().post(_refund_path(card), data=data)
    refused = shopper.post(_refund_path(card), data=data)
    buyer = client.post(_refund_path(card), data=data)

    assert anonymous.status_code == 302 and "/account/sign-in" in anonymous.location
    assert refused.status_code == 403 and buyer.status_code == 302
    assert "/account/sign-in" in buyer.location
    assert fake_stripe.refunds == {} and _refunds() == []


def test_a_refund_pressed_again_after_its_answer_was_lost_is_made_once(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe, login_as
) -> None:
    """Stripe made the refund but its answer never came: pressed again with the same amount
    (and nothing recorded since), the store sends the same key and Stripe replays it."""
    card = _paid_order(client, fake_stripe)
    staff, _user = _staff(app, login_as)
    app.config.update(STRIPE_TIMEOUT_SECONDS=0.5, STRIPE_NETWORK_RETRIES=0)
    fake_stripe.stall_next("POST", "/v1/refunds", 1.0)
    data = _form(50_000, seen=0)

    lost = staff.post(_refund_path(card), data=data, follow_redirects=True)
    again = staff.post(_refund_path(card), data=data, follow_redirects=True)

    assert "Stripe did not make the refund" in lost.text
    assert "Refund made." in again.text
    assert len(fake_stripe.refunds) == 1
    [refund] = _refunds()
    assert refund.stripe_refund_id in fake_stripe.refunds and refund.amount_vnd == 50_000
    keys = [r.idempotency_key for r in fake_stripe.requests_log if r.path == "/v1/refunds"]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert mails("card_refund", to=BUYER) == 1


def test_a_refund_pressed_twice_in_a_row_is_made_once(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe, login_as
) -> None:
    """A double click, or the same form sent again from another tab: the second press was
    made on a view that no longer holds, and is refused."""
    card = _paid_order(client, fake_stripe)
    staff, _user = _staff(app, login_as)
    data = _form(50_000, seen=0)

    staff.post(_refund_path(card), data=data)
    second = staff.post(_refund_path(card), data=data, follow_redirects=True)

    assert "A refund was made since this page was shown." in second.text
    assert len(fake_stripe.refunds) == 1 and len(_refunds()) == 1
    assert card.order.status is OrderStatus.PAID
    assert mails("card_refund", to=BUYER) == 1


def test_a_refund_made_in_stripes_dashboard_is_recorded_from_its_event(
    client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    card = _paid_order(client, fake_stripe)
    intent = fake_stripe.sessions[card.session_id]["payment_intent"]
    [refunded, _created] = fake_stripe.refund(intent, amount=30_000)

    answer = deliver(client, fake_stripe, refunded)

    assert answer.status_code == 200
    [refund] = _refunds()
    assert refund.stripe_refund_id in fake_stripe.refunds
    assert (refund.amount_vnd, refund.automatic, refund.actor_id) == (30_000, False, None)
    assert card.order.status is OrderStatus.PAID  # in part only
    assert mails("card_refund", to=BUYER) == 1


def test_a_payment_for_a_cancelled_order_is_refunded_once_and_staff_are_told(
    client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    """The buyer paid on Stripe's page after the order was cancelled: the money goes back,
    once, however often the event comes and even when the buyer returns to the store."""
    staff = UserFactory.create_batch(2, role=Role.STAFF)
    UserFactory(role=Role.SHOPPER)
    product = honey(stock=5)
    card = place_card_order(client, fake_stripe, product)
    lapse([card.order], reason="its time ran out", now=utcnow())  # the page stayed open
    fake_stripe.pay(card.session_id)
    [completed] = events_of(fake_stripe, "checkout.session.completed")

    answers = [deliver(client, fake_stripe, completed) for _ in range(3)]
    back = client.get(f"{card.return_path}&session_id={card.session_id}")

    assert [a.status_code for a in answers] == [200] * 3 and back.status_code == 302
    after = footprint()
    [payment] = db.session.scalars(select(CardPayment)).all()
    [refund] = _refunds()
    assert payment.late and payment.refundable_vnd == 0
    assert (refund.amount_vnd, refund.automatic) == (card.order.total_vnd, True)
    [at_stripe] = fake_stripe.refunds.values()
    assert at_stripe["id"] == refund.stripe_refund_id
    keys = {r.idempotency_key for r in fake_stripe.requests_log if r.path == "/v1/refunds"}
    assert keys == {f"ocop-late-payment-{card.session_id}"}
    assert after.statuses[card.order.number] is OrderStatus.CANCELLED
    assert after.stock[product.id] == after.ledger[product.id] == 5
    assert [mails("late_card_payment", to=user.email) for user in staff] == [1, 1]
    told = select(OutboxMessage.recipient).where(OutboxMessage.template == "late_card_payment")
    assert sorted(db.session.scalars(told)) == sorted(user.email for user in staff)
    assert mails("card_refund", to=BUYER) == 1 and mails("order_placed", to=BUYER) == 0


def test_the_buyer_sees_what_was_paid_and_refunded_and_only_staff_the_refund_form(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe, login_as
) -> None:
    card = _paid_order(client, fake_stripe)
    staff, _user = _staff(app, login_as)
    staff.post(_refund_path(card), data=_form(50_000, seen=0))
    order_page = f"/orders/{card.order.number}"

    buyers = client.get(f"{order_page}?key={card.order.access_key}").text
    staffs = staff.get(order_page).text

    for page in (buyers, staffs):
        assert f": {format_vnd(card.order.total_vnd)}." in page  # "Paid by card on <date>: ..."
        assert f"Refunded {format_vnd(50_000)} on" in page
    assert _refund_path(card) not in buyers and REASON not in buyers
    assert f'action="{_refund_path(card)}"' in staffs and REASON in staffs
    left = format_vnd(card.order.total_vnd - 50_000)
    assert f"At most {left} is left to refund." in staffs
