"""Orders made directly, as the checkout leaves them, for tests of staff's order list: any
buyer, place, status, payment method, time and producers, without a catalogue."""

import secrets
from collections.abc import Sequence
from datetime import datetime

from storefront.clock import today_in_vietnam
from storefront.extensions import db
from storefront.orders.fulfilment import split_into_fulfilments
from storefront.orders.models import LineKind, Order, OrderLine, OrderStatus, PaymentMethod
from storefront.producers.models import Producer
from tests.factories import CAN_THO, VI_THANH_WARD, ProducerFactory
from tests.shopping import now

SHIPPING_VND = 30_000


def made_order(
    *,
    producers: Sequence[Producer] = (),
    lines_each: int = 1,
    buyer_name: str = "Nguyễn Văn An",
    email: str = "an@example.vn",
    buyer_phone: str = "+84912345678",
    recipient_name: str = "Trần Thị Bình",
    recipient_phone: str = "+84987654321",
    province_code: int = CAN_THO,
    ward_code: int = VI_THANH_WARD,
    status: OrderStatus = OrderStatus.CONFIRMED,
    payment: PaymentMethod = PaymentMethod.COD,
    placed_at: datetime | None = None,
    item_name: str = "Gạo ST25",
) -> Order:
    """An order with `lines_each` lines of each producer (a new one by default) and one
    fulfilment per producer; flushed, numbered as the checkout numbers it."""
    placed_at = placed_at or now()
    order = Order(
        access_key=secrets.token_urlsafe(32),
        locale="vi",
        email=email,
        buyer_name=buyer_name,
        buyer_phone=buyer_phone,
        recipient_name=recipient_name,
        recipient_phone=recipient_phone,
        province_code=province_code,
        ward_code=ward_code,
        street="12 Đường 30/4",
        payment_method=payment,
        status=status,
        subtotal_vnd=0,
        shipping_vnd=SHIPPING_VND,
        total_vnd=SHIPPING_VND,
        weight_grams=1000,
        shipping_zone="Nội vùng",
        placed_at=placed_at,
        lines=[],
        fulfilments=[],
    )
    for producer in producers or [ProducerFactory()]:
        for index in range(lines_each):
            quantity = 1 + index % 3
            order.lines.append(
                OrderLine(
                    position=len(order.lines),
                    kind=LineKind.PRODUCT,
                    name=f"{item_name} {index + 1}",
                    producer_id=producer.id,
                    producer_name=producer.name,
                    item_price_vnd=100_000,
                    unit_price_vnd=100_000,
                    quantity=quantity,
                    total_vnd=100_000 * quantity,
                )
            )
    order.subtotal_vnd = sum(line.total_vnd for line in order.lines)
    order.total_vnd = order.subtotal_vnd + SHIPPING_VND
    db.session.add(order)
    db.session.flush()
    order.number = f"OCOP-{today_in_vietnam(placed_at):%y}-{order.id:06d}"
    split_into_fulfilments(order)
    return order
