"""Finding an order for whoever asks: its buyer (signed in), anyone holding its access key
(the link in the confirmation mail), a guest who knows its number and e-mail, or staff."""

import hmac

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storefront.accounts.models import Role, User
from storefront.extensions import db
from storefront.orders.models import Order, OrderEvent, OrderLine


def find_order(number: str) -> Order | None:
    """The order numbered `number`, with its lines and their components, and its events
    with who made them (five queries)."""
    return db.session.scalar(
        select(Order)
        .where(Order.number == number.strip().upper())
        .options(
            selectinload(Order.lines).selectinload(OrderLine.components),
            selectinload(Order.events).selectinload(OrderEvent.actor),
        )
    )


def may_see(order: Order, *, user: User | None, key: str | None) -> bool:
    if user is not None and (user.role is Role.STAFF or order.user_id == user.id):
        return True
    return bool(key) and _same(order.access_key, key)


def visible_order(number: str, *, user: User | None, key: str | None) -> Order | None:
    """The order numbered `number` when this user or key may see it; else None, whether
    or not it exists."""
    order = find_order(number)
    return order if order is not None and may_see(order, user=user, key=key) else None


def order_by_number_and_email(number: str, email: str) -> Order | None:
    """The order when both match; the same None whichever of the two is wrong."""
    order = find_order(number)
    if order is None:
        return None
    return order if _same(order.email, email.strip().lower()) else None


def _same(known: str, given: str) -> bool:
    """Compared in constant time; bytes, as compare_digest refuses non-ASCII text."""
    return hmac.compare_digest(known.encode(), given.encode())


def orders_of(user: User) -> list[Order]:
    """A signed-in buyer's orders, newest first, with their lines (two queries)."""
    return list(
        db.session.scalars(
            select(Order)
            .where(Order.user_id == user.id)
            .order_by(Order.placed_at.desc(), Order.id.desc())
            .options(selectinload(Order.lines))
        )
    )
