"""Stock taken by orders: reserved when an order is placed, returned when it is cancelled.

Reservations run in product-id order, then packaging-item-id order, so two orders that
need the same rows always lock them in the same order and cannot deadlock. Each is one
conditional UPDATE (inventory.ledger.move_stock) whose result is checked, and each
writes a ledger row naming the order; these functions flush and never commit.
"""

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select

from storefront.catalog.models import Product
from storefront.combos.models import PackagingItem
from storefront.extensions import db
from storefront.inventory.ledger import move_stock
from storefront.inventory.models import MovementKind, StockMovement


@dataclass
class Shortfall(Exception):
    """An order needs more of a product or packaging item than is in stock."""

    item: Product | PackagingItem
    needed: int
    available: int


def reserve(order_id: int, *, products: Counter[int], packaging: Counter[int]) -> None:
    """Take what an order needs from stock. Raises Shortfall for the first item that is
    short; the caller rolls back the whole transaction then."""
    for model, needs in ((Product, products), (PackagingItem, packaging)):
        for row_id in sorted(needs):
            units = needs[row_id]
            if units <= 0:
                continue
            taken = move_stock(
                model, row_id, delta=-units, kind=MovementKind.RESERVATION, order_id=order_id
            )
            if taken is None:
                raise _shortfall(model, row_id, units)


def _shortfall(model: type[Product | PackagingItem], row_id: int, needed: int) -> Shortfall:
    item = db.session.get(model, row_id, populate_existing=True)
    return Shortfall(item, needed, max(item.stock, 0) if item else 0)


def release(order_id: int) -> None:
    """Return to stock whatever an order still holds (what its movements took and have not
    given back). Exactly once is the caller's part: it releases only after winning the
    conditional change of the order's status."""
    held = db.session.execute(
        select(
            StockMovement.product_id, StockMovement.packaging_item_id, func.sum(StockMovement.delta)
        )
        .where(StockMovement.order_id == order_id)
        .group_by(StockMovement.product_id, StockMovement.packaging_item_id)
    ).all()
    products = {p: -net for p, _i, net in held if p is not None and net < 0}
    packaging = {i: -net for _p, i, net in held if i is not None and net < 0}
    for model, returns in ((Product, products), (PackagingItem, packaging)):
        for row_id in sorted(returns):
            move_stock(
                model, row_id, delta=returns[row_id], kind=MovementKind.RELEASE, order_id=order_id
            )
