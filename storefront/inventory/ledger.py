"""Changing stock: one conditional UPDATE and one ledger row, in the caller's transaction.

These helpers flush and never commit, so order placement can reserve stock in the same
transaction that creates the order; `storefront.inventory.service` holds the use cases.
"""

from sqlalchemy import select, update
from sqlalchemy.orm import attributes, joinedload

from storefront.accounts.models import User
from storefront.catalog.models import Product
from storefront.combos.models import PackagingItem
from storefront.extensions import db
from storefront.inventory.errors import InvalidQuantity, OutOfStock
from storefront.inventory.models import MovementKind, StockMovement

Stocked = Product | PackagingItem


def move_stock(
    model: type[Stocked],
    row_id: int,
    *,
    delta: int,
    kind: MovementKind,
    reason: str = "",
    actor: User | None = None,
    order_id: int | None = None,
) -> int | None:
    """Add `delta` to the stock of one product or packaging item and record the movement;
    the stock after, or None (and nothing written) when it would go below zero.

    One conditional UPDATE (`... WHERE stock + delta >= 0`), whose result says whether it
    applied, so concurrent changes never take a stock below zero.
    """
    stock_after = db.session.scalar(
        update(model)
        .where(model.id == row_id, model.stock + delta >= 0)
        .values(stock=model.stock + delta)
        .returning(model.stock)
        .execution_options(synchronize_session=False)
    )
    if stock_after is None:  # no row updated
        return None
    owner = {"product_id": row_id} if model is Product else {"packaging_item_id": row_id}
    db.session.add(
        StockMovement(
            **owner,
            kind=kind,
            delta=delta,
            stock_after=stock_after,
            reason=reason.strip(),
            actor_id=actor.id if actor else None,
            order_id=order_id,
        )
    )
    return stock_after


def adjust_stock(
    row: Stocked,
    *,
    delta: int,
    reason: str,
    actor: User | None,
    kind: MovementKind = MovementKind.ADJUSTMENT,
) -> None:
    """Add `delta` (negative to remove) to a product's or packaging item's stock and record
    the movement. Raises OutOfStock when it would go negative, InvalidQuantity for 0."""
    if delta == 0:
        raise InvalidQuantity()
    db.session.flush()  # the row must exist before the UPDATE
    stock_after = move_stock(type(row), row.id, delta=delta, kind=kind, reason=reason, actor=actor)
    if stock_after is None:
        raise OutOfStock()
    attributes.set_committed_value(row, "stock", stock_after)
    db.session.flush()


def set_stock(row: Stocked, *, quantity: int, reason: str, actor: User | None) -> bool:
    """Set the stock to `quantity` as a movement of the difference; False when it already is.

    The current level is read locked (FOR UPDATE where the database has it), so the
    difference is that of the stock as it is now. Raises InvalidQuantity below zero.
    """
    if quantity < 0:
        raise InvalidQuantity()
    model = type(row)
    db.session.flush()
    current = db.session.scalar(select(model.stock).where(model.id == row.id).with_for_update())
    if current is None or current == quantity:
        return False
    adjust_stock(row, delta=quantity - current, reason=reason, actor=actor, kind=MovementKind.COUNT)
    return True


def open_stock(row: Stocked, *, quantity: int, actor: User | None) -> None:
    """The opening movement of a new product or packaging item (stock 0 until now)."""
    if quantity:
        adjust_stock(row, delta=quantity, reason="", actor=actor, kind=MovementKind.OPENING)


def stock_history(product_ids: list[int], *, limit: int) -> list[StockMovement]:
    """The newest `limit` movements of these products, newest first, with their actors."""
    if not product_ids:
        return []
    return list(
        db.session.scalars(
            select(StockMovement)
            .where(StockMovement.product_id.in_(product_ids))
            .order_by(StockMovement.created_at.desc(), StockMovement.id.desc())
            .limit(limit)
            .options(joinedload(StockMovement.actor), joinedload(StockMovement.product))
        )
    )
