"""Staff's page of one order: everything about it in one place, the moves allowed now each
with a reason (and no other, whatever is posted), internal notes only staff see, and the
whole order's packing slip."""

import pytest
from sqlalchemy import select

from storefront.accounts.models import Role
from storefront.extensions import db
from storefront.orders.fulfilment import pack, ship
from storefront.orders.models import (
    FulfilmentStatus,
    Order,
    OrderEvent,
    OrderNote,
    OrderStatus,
    PaymentMethod,
)
from storefront.orders.staff_moves import moves_for_staff
from storefront.orders.status import ALLOWED
from tests.factories import UserFactory
from tests.shopping import ledger_sums, now, shipping_table, two_producer_order


@pytest.fixture
def order(app) -> Order:
    shipping_table()
    return two_producer_order(PaymentMethod.COD)


@pytest.fixture
def staff(client, login_as):
    client.set_cookie("lang", "en")
    return login_as(Role.STAFF)


def _page(client, order: Order) -> str:
    response = client.get(f"/staff/orders/{order.number}")
    assert response.status_code == 200
    return response.text


def _move(client, order: Order, to: str, reason: str = "Khách gọi điện"):
    return client.post(f"/staff/orders/{order.number}/move", data={"to": to, "reason": reason})


def test_the_page_shows_lines_buyer_shipments_and_the_history_with_who_and_why(
    client, staff, order
) -> None:
    packer = UserFactory(name="Chị Lan")
    part = order.fulfilments[0]
    pack(part, actor=packer, now=now())
    ship(part, actor=packer, carrier="GHN", tracking_number="GHN5566", now=now())

    page = _page(client, order)

    assert "Gạo Vị Thủy" in page and "HTX Mật ong U Minh" in page
    assert order.email in page and "Trần Thị Bình" in page
    assert "GHN5566" in page and "Cash to collect" in page
    assert "shipped its items" in page and "Chị Lan" in page
    assert "a producer started packing" in page  # the order's own move, with its reason
    assert "Cash on delivery" in page


@pytest.mark.parametrize("start", list(OrderStatus))
def test_staff_make_only_the_moves_allowed_by_hand_now(client, staff, order, start) -> None:
    for to in OrderStatus:  # every (start, to) pair, through the route
        order.status = start
        db.session.commit()
        allowed = to in ALLOWED[start] and to in moves_for_staff(order)
        reason = f"{start} → {to}"

        response = _move(client, order, to.value, reason=reason)

        assert response.status_code == 302
        db.session.expire_all()
        assert order.status is (to if allowed else start), reason
        made = db.session.scalars(
            select(OrderEvent.to_status).where(OrderEvent.reason == reason)
        ).all()
        assert made == ([to] if allowed else []), reason


def test_shipping_and_delivery_follow_the_parcels_not_staff(client, staff, order) -> None:
    order.status = OrderStatus.PROCESSING
    db.session.commit()

    page = _page(client, order)
    refused = _move(client, order, "shipped")

    assert '<option value="shipped"' not in page
    assert '<option value="cancelled"' in page and '<option value="processing"' not in page
    assert "cannot change that way now" in client.get(refused.location).text
    db.session.expire_all()
    assert order.status is OrderStatus.PROCESSING


def test_a_card_order_is_refunded_through_stripe_not_by_hand(app) -> None:
    order = Order(payment_method=PaymentMethod.CARD, status=OrderStatus.PAID)

    assert OrderStatus.REFUNDED not in moves_for_staff(order)
    order.payment_method = PaymentMethod.BANK_TRANSFER
    assert OrderStatus.REFUNDED in moves_for_staff(order)


@pytest.mark.parametrize("form", [{"to": "cancelled", "reason": "  "}, {"reason": "x"}, {}])
def test_a_move_without_a_status_or_reason_changes_nothing(client, staff, order, form) -> None:
    response = client.post(f"/staff/orders/{order.number}/move", data=form)

    assert response.status_code == 400
    assert "Say why" in response.text or "Choose the new status" in response.text
    db.session.expire_all()
    assert order.status is OrderStatus.CONFIRMED


def test_a_garbage_status_is_refused_with_a_message(client, staff, order) -> None:
    response = _move(client, order, "teleported")

    assert "cannot change that way now" in client.get(response.location).text
    db.session.expire_all()
    assert order.status is OrderStatus.CONFIRMED


def test_staff_cancel_a_processing_order_its_stock_returns_and_its_parcels_are_cancelled(
    client, staff, order
) -> None:
    pack(order.fulfilments[0], actor=staff, now=now())
    before = ledger_sums()

    _move(client, order, "cancelled", reason="Hết hàng ở kho")

    db.session.expire_all()
    assert order.status is OrderStatus.CANCELLED
    assert {part.status for part in order.fulfilments} == {FulfilmentStatus.CANCELLED}
    returned = ledger_sums() - before
    assert sum(returned.values()) == sum(
        line.quantity for line in order.lines if not line.components
    ) + sum(c.quantity * line.quantity for line in order.lines for c in line.components)


def test_notes_are_added_and_only_staff_see_them(client, staff, order, app, login_as) -> None:
    added = client.post(
        f"/staff/orders/{order.number}/notes", data={"body": "Khách muốn giao sau 17h"}
    )
    empty = client.post(f"/staff/orders/{order.number}/notes", data={"body": " "})

    assert added.status_code == 302
    assert "Khách muốn giao sau 17h" in _page(client, order)
    assert empty.status_code == 400 and "Write the note first" in empty.text
    assert len(db.session.scalars(select(OrderNote)).all()) == 1
    buyer_page = app.test_client().get(f"/orders/{order.number}?key={order.access_key}").text
    assert "Khách muốn giao sau 17h" not in buyer_page
    producer = app.test_client()
    member = UserFactory(role=Role.PRODUCER, producer_id=order.fulfilments[0].producer_id)
    login_as(member, client=producer)
    portal = producer.get(f"/producer/orders/{order.fulfilments[0].id}").text
    assert "Khách muốn giao sau 17h" not in portal


def test_the_packing_slip_holds_every_parcel_and_no_price_when_asked(client, staff, order) -> None:
    def slips() -> str:
        page = client.get(f"/staff/orders/{order.number}/packing-slip").text
        return page.split('class="site-footer')[0]  # the footer speaks of đồng anyway

    with_prices = slips()
    order.hide_prices = True
    db.session.commit()
    without = slips()

    for part in order.fulfilments:
        assert part.producer_name in with_prices
    assert "₫" in with_prices and "₫" not in without


def test_the_page_takes_the_same_queries_whatever_the_order_holds(
    client, staff, count_queries
) -> None:
    shipping_table()
    small = two_producer_order()
    large = two_producer_order()
    for part in large.fulfilments:
        pack(part, actor=staff, now=now())
        ship(part, actor=staff, carrier="GHN", tracking_number=str(part.id), now=now())
    for warm_up in (small, large):  # objects the test's own session left expired
        client.get(f"/staff/orders/{warm_up.number}")

    with count_queries() as few:
        client.get(f"/staff/orders/{small.number}")
    with count_queries() as many:
        client.get(f"/staff/orders/{large.number}")

    assert many.count == few.count


def test_staff_cancelling_or_refunding_by_hand_mails_the_buyer_their_reason(
    client, staff, order
) -> None:
    from storefront.mail.models import OutboxMessage

    paid = two_producer_order(PaymentMethod.BANK_TRANSFER)
    paid.status = OrderStatus.DELIVERED
    db.session.commit()

    _move(client, order, "cancelled", reason="Kho bị ngập")
    _move(client, paid, "refunded", reason="Hàng bị hỏng khi giao")

    mails = db.session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.template.in_(("order_cancelled", "order_refunded"))
        )
    ).all()
    assert [(m.template, m.recipient) for m in mails] == [
        ("order_cancelled", order.email),
        ("order_refunded", paid.email),
    ]
    assert "Kho bị ngập" in mails[0].text_body and "Hàng bị hỏng khi giao" in mails[1].text_body


def test_staff_are_sent_to_the_back_office_to_cancel(client, staff, order) -> None:
    response = client.post(f"/orders/{order.number}/cancel")

    assert response.location.endswith(f"/staff/orders/{order.number}")
    db.session.expire_all()
    assert order.status is OrderStatus.CONFIRMED


def test_the_slip_says_the_first_parcel_collects_the_shipping_fee_too(client, staff, order) -> None:
    slips = client.get(f"/staff/orders/{order.number}/packing-slip").text

    assert slips.count("This includes the order's shipping fee") == 1
    fee = slips.split("shipping fee of ", 1)[1].split(".</span>", 1)[0]
    assert int("".join(c for c in fee if c.isdigit())) == order.shipping_vnd
