"""Bank-transfer orders staff are waiting to see paid."""

from sqlalchemy import select

from storefront.extensions import db
from storefront.orders.models import Order, OrderStatus, PaymentMethod


def awaiting_transfers() -> list[Order]:
    """Oldest deadline first: the ones about to lapse are checked first (one query)."""
    return list(
        db.session.scalars(
            select(Order)
            .where(
                Order.payment_method == PaymentMethod.BANK_TRANSFER,
                Order.status == OrderStatus.AWAITING_PAYMENT,
            )
            .order_by(Order.payment_due_at, Order.id)
        )
    )
