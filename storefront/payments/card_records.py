"""Reading an order's card records: its Checkout Session, and the payments Stripe took for
it with their refunds."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storefront.extensions import db
from storefront.orders.models import Order
from storefront.payments.models import CardCheckout, CardPayment


def checkout_of(order: Order) -> CardCheckout | None:
    return db.session.scalar(select(CardCheckout).where(CardCheckout.order_id == order.id))


def payments_of(order: Order) -> list[CardPayment]:
    """Every card payment of the order with its refunds (two queries): the one that paid
    it, and any that came late and were given back."""
    return list(
        db.session.scalars(
            select(CardPayment)
            .where(CardPayment.order_id == order.id)
            .order_by(CardPayment.id)
            .options(selectinload(CardPayment.refunds))
        )
    )


def payment_of(order: Order) -> CardPayment | None:
    """The card payment that paid the order (not a late one, which is refunded by itself)."""
    return next((payment for payment in payments_of(order) if not payment.late), None)
