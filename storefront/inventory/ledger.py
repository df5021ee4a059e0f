"""Changing stock: one conditional UPDATE and one ledger row, in the caller's transaction.

These helpers flush and never commit, so order placement can reserve stock in the same
transaction that creates the order; `storefront.inventory.service` holds the use cases.
"""

from sqlalchemy import select, update
from sqlalchemy.orm import attributes, joinedload

from storefront.accounts.models import User
from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.inventory.errors import InvalidQuantity, OutOfStock
from storefront.inventory.models import MovementKind, StockMovement


def adjust_stock(
    product: Product,
    *,
    delta: int,
    reason: str,
    actor: User | None,
    kind: MovementKind = MovementKind.ADJUSTMENT,
) -> StockMovement:
    """Add `delta` (negative to remove) to the product's stock and record the movement.

    The stock changes in one conditional UPDATE, so concurrent changes never take it below
    zero. Raises OutOfStock when it would go negative, InvalidQuantity for a delta of 0.
    """
    if delta == 0:
        raise InvalidQuantity()
    db.session.flush()  # the product row must exist before the UPDATE
    stock_after = db.session.scalar(
        update(Product)
        .where(Product.id == product.id, Product.stock + delta >= 0)
        .values(stock=Product.stock + delta)
        .returning(Product.stock)
        .execution_options(synchronize_session=False)
    )
    if stock_after is None:  # no row updated
        raise OutOfStock()
    attributes.set_committed_value(product, "stock", stock_after)
    movement = StockMovement(
        product_id=product.id,
        kind=kind,
        delta=delta,
        stock_after=stock_after,
        reason=reason.strip(),
        actor_id=actor.id if actor else None,
    )
    db.session.add(movement)
    db.session.flush()
    return movement


def set_stock(
    product: Product, *, quantity: int, reason: str, actor: User | None
) -> StockMovement | None:
    """Set the stock to `quantity` as a movement of the difference; None when it already is.

    The current level is read locked (FOR UPDATE where the database has it), so the
    difference is that of the stock as it is now. Raises InvalidQuantity below zero.
    """
    if quantity < 0:
        raise InvalidQuantity()
    current = db.session.scalar(
        select(Product.stock).where(Product.id == product.id).with_for_update()
    )
    if current is None or current == quantity:
        return None
    return adjust_stock(
        product, delta=quantity - current, reason=reason, actor=actor, kind=MovementKind.COUNT
    )


def open_stock(product: Product, *, quantity: int, actor: User | None) -> StockMovement | None:
    """The opening movement of a new product (stock 0 until now); None for a quantity of 0."""
    if quantity == 0:
        return None
    return adjust_stock(product, delta=quantity, reason="", actor=actor, kind=MovementKind.OPENING)


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
