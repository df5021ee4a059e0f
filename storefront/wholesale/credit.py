"""What a shop owes on its invoices, and whether an order on invoice fits its credit limit.

An invoice counts from the moment its order is placed until it is paid, or its order is
cancelled or refunded."""

from collections.abc import Iterable

from sqlalchemy import func, select

from storefront.extensions import db
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from storefront.wholesale.models import Shop

_CLOSED = (OrderStatus.CANCELLED, OrderStatus.REFUNDED)


_UNPAID_INVOICE = (
    Order.payment_method == PaymentMethod.INVOICE,
    Order.paid_at.is_(None),
    Order.status.not_in(_CLOSED),
)


def owed_vnd(shop_id: int) -> int:
    """The total of the shop's unpaid invoices, in đồng."""
    total = db.session.scalar(
        select(func.coalesce(func.sum(Order.total_vnd), 0)).where(
            Order.shop_id == shop_id, *_UNPAID_INVOICE
        )
    )
    return int(total or 0)


def owed_by_shop(shop_ids: Iterable[int]) -> dict[int, int]:
    """What each of these shops owes on its unpaid invoices (0 for none), in one query."""
    ids = list(shop_ids)
    owed = dict.fromkeys(ids, 0)
    rows = db.session.execute(
        select(Order.shop_id, func.sum(Order.total_vnd))
        .where(Order.shop_id.in_(ids), *_UNPAID_INVOICE)
        .group_by(Order.shop_id)
    )
    owed.update({shop_id: int(total) for shop_id, total in rows})
    return owed


def lock_shop(shop_id: int) -> Shop:
    """The shop's row, locked until the transaction ends, so two orders on invoice are
    weighed against the limit one after the other. On PostgreSQL, FOR NO KEY UPDATE: the
    order's row already holds a KEY SHARE lock on the shop through its foreign key, which
    FOR UPDATE would wait on (two orders would deadlock) and this lock does not. On SQLite
    the transaction holds the database's one write lock once it has written, which it has
    by then (the order's row)."""
    return db.session.scalars(
        select(Shop)
        .where(Shop.id == shop_id)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    ).one()
