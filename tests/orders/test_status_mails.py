"""The buyer's e-mails as the order moves on: payment received, each part shipped (its
carrier and tracking number, and where the other parts stand), delivered once the last part
has arrived, cancelled (saying why, and how paid money comes back), refunded outside
Stripe. Each is sent once, in the order's language, as text and HTML, with a link that
opens the order for a guest.

Vietnamese assertions use only text translated already (names, the greeting, the button);
the new sentences are checked in English."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from storefront.accounts.models import Role
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.mail.delivery import send_pending
from storefront.mail.models import OutboxMessage
from storefront.money import format_vnd
from storefront.orders.fulfilment import FulfilmentError, deliver, pack, ship
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from storefront.orders.notifications import CancelCause, order_refunded
from storefront.orders.service import cancel_order, mark_transfer_received, release_expired
from storefront.orders.status import InvalidTransition
from storefront.payments.reconcile import reconcile
from tests.factories import ProducerFactory, UserFactory
from tests.payments.card import deliver as deliver_event
from tests.payments.card import events_of, place_card_order, stripe_for
from tests.shopping import (
    buy,
    checkout_form,
    combo_key,
    combo_of,
    now,
    product_key,
    shipping_table,
    stocked_product,
)

pytestmark = pytest.mark.usefixtures("on_both_databases")

HOLD = timedelta(hours=72)  # BANK_TRANSFER_HOLD_HOURS of the testing config


@dataclass(frozen=True)
class Words:
    hello: str
    rice: str  # the rice line's name in the order's language
    button: str


WORDS = {
    "vi": Words(hello="Xin chào Nguyễn Văn An,", rice="Gạo ST25 Vị Thủy", button="Xem đơn hàng"),
    "en": Words(hello="Hello Nguyễn Văn An,", rice="Vị Thủy ST25 rice", button="See your order"),
}


@pytest.fixture(params=["vi", "en"])
def locale(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(autouse=True)
def _shipping_table(app) -> None:
    shipping_table()


@pytest.fixture
def staff(app):
    user = UserFactory(role=Role.STAFF)
    db.session.commit()
    return user


def _order(payment: PaymentMethod, locale: str, **placing: object) -> Order:
    """Rice from HTX Vị Thủy, and a gift box of honey and tea from HTX Mật ong U Minh: two
    parts. The buyer reads `locale`."""
    rice = stocked_product(
        20,
        name="Gạo ST25 Vị Thủy",
        name_en="Vị Thủy ST25 rice",
        producer=ProducerFactory(name="HTX Vị Thủy"),
    )
    bees = ProducerFactory(name="HTX Mật ong U Minh")
    honey = stocked_product(20, producer=bees, name="Mật ong tràm", name_en="Melaleuca honey")
    tea = stocked_product(20, producer=bees, name="Trà khổ qua", name_en="Bitter melon tea")
    box = combo_of((honey, 1), (tea, 2), name="Hộp quà U Minh", name_en="U Minh gift box")
    db.session.commit()
    order = buy({product_key(rice): 2, combo_key(box): 1}, payment, **placing)
    order.locale = locale
    db.session.commit()
    return order


def _templates(order: Order) -> list[str]:
    return list(
        db.session.scalars(
            select(OutboxMessage.template)
            .where(OutboxMessage.recipient == order.email)
            .order_by(OutboxMessage.id)
        )
    )


def _mails(order: Order, template: str) -> list[OutboxMessage]:
    return list(
        db.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.recipient == order.email, OutboxMessage.template == template)
            .order_by(OutboxMessage.id)
        )
    )


def _one(order: Order, template: str) -> OutboxMessage:
    """The order's only mail of `template`, in its language, as text and HTML, each with the
    greeting and the link to the order's page that opens it for a guest."""
    [mail] = _mails(order, template)
    words = WORDS[order.locale]
    link = f"/orders/{order.number}?key={order.access_key}"
    assert mail.locale == order.locale and order.number in mail.subject
    assert words.hello in mail.text_body and link in mail.text_body
    assert f'<html lang="{order.locale}">' in mail.html_body
    assert words.hello in mail.html_body and link in mail.html_body
    assert words.button in mail.html_body
    return mail


def _ship(order: Order, index: int, carrier: str, tracking: str) -> None:
    part, packer = order.fulfilments[index], UserFactory()
    pack(part, actor=packer, now=now())
    ship(part, actor=packer, carrier=carrier, tracking_number=tracking, now=now())


def test_a_received_bank_transfer_mails_the_buyer_that_the_producers_prepare_it(
    staff, locale
) -> None:
    order = _order(PaymentMethod.BANK_TRANSFER, locale)

    mark_transfer_received(order, actor=staff, now=now())

    assert _templates(order) == ["order_placed", "order_confirmed"]
    mail = _one(order, "order_confirmed")
    for text in (WORDS[locale].rice, format_vnd(order.total_vnd), "Trần Thị Bình"):
        assert text in mail.text_body and text in mail.html_body
    if locale == "en":
        assert mail.subject == f"We received your payment for order {order.number}"
        assert "The producers are now preparing your order" in mail.text_body


def test_each_shipped_part_mails_its_carrier_tracking_number_and_where_the_others_stand(
    locale,
) -> None:
    order = _order(PaymentMethod.COD, locale)

    _ship(order, 0, "Giao Hàng Nhanh", "GHN7XK2P9Q")
    [first] = _mails(order, "order_shipped")
    _ship(order, 1, "Viettel Post", "VTP123456")

    _, second = _mails(order, "order_shipped")
    assert _templates(order) == ["order_placed", "order_shipped", "order_shipped"]
    for body in (first.text_body, first.html_body):
        assert "HTX Vị Thủy" in body and WORDS[locale].rice in body
        assert "Giao Hàng Nhanh" in body and "GHN7XK2P9Q" in body
        assert "HTX Mật ong U Minh" in body  # the other part, still being prepared
        assert "VTP123456" not in body
    for body in (second.text_body, second.html_body):
        assert "Viettel Post" in body and "VTP123456" in body
        assert "GHN7XK2P9Q" in body  # the other part, on its way too
        assert WORDS[locale].rice not in body  # not in this parcel
    if locale == "en":
        assert first.subject == f"Part of your order {order.number} is on its way"
        assert "1 of 2 parts of your order has shipped." in first.text_body
        assert "HTX Mật ong U Minh: being prepared" in first.text_body
        assert second.subject == f"Your order {order.number} is on its way"
        assert "Every part of your order is now on its way." in second.text_body
        assert "U Minh gift box" in second.text_body and "Bitter melon tea" in second.text_body


def test_a_shipped_mail_is_sent_through_smtp_as_text_and_html(smtp_server) -> None:
    order = _order(PaymentMethod.COD, "en")
    _ship(order, 0, "GHN", "GHN123")

    send_pending()

    [shipped] = [mail for mail in smtp_server.messages if "on its way" in mail.message["Subject"]]
    assert shipped.recipients == [order.email]
    assert shipped.message["Content-Language"] == "en"
    text, html = shipped.message.iter_parts()
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    assert "GHN123" in text.get_content() and "GHN123" in html.get_content()


def test_the_delivered_mail_comes_once_when_the_last_part_arrives(staff, locale) -> None:
    order = _order(PaymentMethod.COD, locale)
    _ship(order, 0, "GHN", "GHN1")
    _ship(order, 1, "GHN", "GHN2")
    one, two = order.fulfilments

    deliver(one, actor=staff, cash_collected_vnd=one.collect_vnd, now=now())
    assert _mails(order, "order_delivered") == []
    deliver(two, actor=staff, cash_collected_vnd=two.collect_vnd, now=now())

    assert order.status is OrderStatus.DELIVERED
    assert _templates(order)[-1] == "order_delivered"
    mail = _one(order, "order_delivered")
    assert WORDS[locale].rice in mail.text_body and WORDS[locale].rice in mail.html_body
    if locale == "en":
        assert mail.subject == f"Your order {order.number} has been delivered"
        assert "“Buy again”" in mail.text_body


def test_a_refused_move_mails_nothing(staff) -> None:
    order = _order(PaymentMethod.COD, "en")

    with pytest.raises(FulfilmentError):
        ship(order.fulfilments[0], actor=staff, carrier="GHN", tracking_number="1", now=now())

    db.session.rollback()
    assert _templates(order) == ["order_placed"]


def _placed_through_the_pages(client: FlaskClient, locale: str) -> Order:
    rice = stocked_product(5, name="Gạo ST25 Vị Thủy", name_en="Vị Thủy ST25 rice")
    db.session.commit()
    client.set_cookie("lang", locale)
    client.post("/cart/add", data={"item": product_key(rice).encode(), "quantity": 2})
    client.post("/checkout", data=checkout_form(PaymentMethod.COD))
    client.post("/checkout/place")
    return db.session.scalar(select(Order))


def test_the_buyer_cancelling_twice_is_mailed_once_through_smtp(
    client, smtp_server, locale
) -> None:
    order = _placed_through_the_pages(client, locale)
    cancel = f"/orders/{order.number}/cancel?key={order.access_key}"
    smtp_server.messages.clear()

    with client.post(cancel):
        pass
    with client.post(cancel):  # refused: already cancelled
        pass

    [received] = smtp_server.messages
    assert received.recipients == [order.email]
    assert received.message["Content-Language"] == locale
    assert order.number in received.message["Subject"]
    text, html = received.message.iter_parts()
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    assert WORDS[locale].hello in text.get_content() and WORDS[locale].rice in html.get_content()
    mail = _one(order, "order_cancelled")
    if locale == "en":
        assert mail.subject == f"Your order {order.number} is cancelled"
        assert f"As you asked, we have cancelled your order {order.number}." in mail.text_body
        assert "Nothing was paid for this order" in mail.text_body


def test_cancelling_again_is_refused_and_mails_nothing_more(app) -> None:
    order = _order(PaymentMethod.COD, "en")
    cancel_order(order, actor=None, reason="changed my mind", now=now())

    with pytest.raises(InvalidTransition):
        cancel_order(order, actor=None, reason="changed my mind", now=now())

    db.session.rollback()
    assert _templates(order) == ["order_placed", "order_cancelled"]


def test_a_lapsed_bank_transfer_is_mailed_once_with_its_deadline(locale) -> None:
    order = _order(PaymentMethod.BANK_TRANSFER, locale, at=now() - HOLD - timedelta(hours=1))

    assert release_expired(now=now()) == [order.number]
    assert release_expired(now=now() + timedelta(minutes=5)) == []

    assert _templates(order) == ["order_placed", "order_cancelled"]
    mail = _one(order, "order_cancelled")
    if locale == "en":
        assert f"Your bank transfer for order {order.number} had not arrived" in mail.text_body
        assert "Nothing was paid for this order" in mail.text_body


def test_staff_cancelling_a_paid_transfer_quote_their_reason_and_promise_the_refund(
    staff, locale
) -> None:
    order = _order(PaymentMethod.BANK_TRANSFER, locale)
    mark_transfer_received(order, actor=staff, now=now())

    cancel_order(
        order,
        actor=staff,
        reason="The producer has no <honey> left this season.",
        cause=CancelCause.STAFF,
        now=now(),
    )

    mail = _one(order, "order_cancelled")
    assert "The producer has no <honey> left this season." in mail.text_body
    assert "The producer has no &lt;honey&gt; left this season." in mail.html_body
    if locale == "en":
        assert f"Our staff have cancelled your order {order.number}" in mail.text_body
        assert "As you asked" not in mail.text_body
        paid = format_vnd(order.total_vnd)
        assert f"You paid {paid} by bank transfer: our staff will contact you" in mail.text_body


def test_cancelling_a_paid_card_order_says_the_refund_follows_which_mails_once(
    app: Flask, client
) -> None:
    rice = stocked_product(5, name="Gạo ST25 Vị Thủy", name_en="Vị Thủy ST25 rice")
    db.session.commit()
    with stripe_for(app) as fake:
        card = place_card_order(client, fake, rice)
        fake.pay(card.session_id)
        client.get(f"{card.return_path}&session_id={card.session_id}")

        client.post(f"/orders/{card.order.number}/cancel?key={card.order.access_key}")

    assert _templates(card.order) == ["order_placed", "order_cancelled", "card_refund"]
    mail = _one(card.order, "order_cancelled")
    assert "Your card payment is refunded in full." in mail.text_body


def test_an_expired_card_page_cancels_the_order_and_mails_once(app: Flask, client) -> None:
    rice = stocked_product(5, name="Gạo ST25 Vị Thủy", name_en="Vị Thủy ST25 rice")
    db.session.commit()
    with stripe_for(app) as fake:
        card = place_card_order(client, fake, rice)
        [expired] = fake.expire(card.session_id)

        # Stripe's event, sent twice; the buyer back on the return page; reconcile.
        deliver_event(client, fake, expired)
        deliver_event(client, fake, expired)
        client.get(f"{card.return_path}&session_id={card.session_id}")
        reconcile(since=utcnow() - timedelta(days=1), now=utcnow())

    db.session.expire_all()
    assert card.order.status is OrderStatus.CANCELLED
    assert _templates(card.order) == ["order_cancelled"]  # a card order is confirmed once paid
    mail = _one(card.order, "order_cancelled")
    assert f"The card payment for order {card.order.number} was not completed" in mail.text_body
    assert "Nothing was paid for this order" in mail.text_body


def test_a_card_order_the_buyer_cancels_unpaid_is_mailed_once_when_its_page_expires(
    app: Flask, client
) -> None:
    rice = stocked_product(5, name="Gạo ST25 Vị Thủy", name_en="Vị Thủy ST25 rice")
    db.session.commit()
    with stripe_for(app) as fake:
        card = place_card_order(client, fake, rice)

        client.post(f"/orders/{card.order.number}/cancel?key={card.order.access_key}")
        [expired] = events_of(fake, "checkout.session.expired")  # closing the page did it
        deliver_event(client, fake, expired)

    assert _templates(card.order) == ["order_cancelled"]
    mail = _one(card.order, "order_cancelled")
    assert f"As you asked, we have cancelled your order {card.order.number}." in mail.text_body
    assert "Nothing was paid for this order" in mail.text_body


def test_a_refund_outside_stripe_mails_its_amount_and_reason(staff, locale) -> None:
    order = _order(PaymentMethod.BANK_TRANSFER, locale)
    mark_transfer_received(order, actor=staff, now=now())

    order_refunded(order, amount_vnd=150_000, reason="Hũ mật ong bị vỡ <khi giao>.")
    db.session.commit()

    mail = _one(order, "order_refunded")
    assert format_vnd(150_000) in mail.text_body and format_vnd(150_000) in mail.html_body
    assert "Hũ mật ong bị vỡ <khi giao>." in mail.text_body
    assert "Hũ mật ong bị vỡ &lt;khi giao&gt;." in mail.html_body
    if locale == "en":
        assert mail.subject == f"A refund for your order {order.number}"


def test_a_card_order_gets_no_second_refund_mail_beside_stripes(app: Flask) -> None:
    order = _order(PaymentMethod.CARD, "en")

    with pytest.raises(ValueError, match="card_refund"):
        order_refunded(order, amount_vnd=10_000, reason="broken jar")

    assert _mails(order, "order_refunded") == []
