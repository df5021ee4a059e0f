"""Stock use cases for the producer portal; each commits once."""

import enum

from storefront.accounts.models import User
from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.inventory.errors import InventoryError
from storefront.inventory.ledger import adjust_stock, set_stock


class StockChange(enum.StrEnum):
    SET = "set"  # the amount is the new stock level
    ADJUST = "adjust"  # the amount is added (negative: removed)


def change_stock(
    product: Product, *, change: StockChange, amount: int, reason: str, actor: User
) -> bool:
    """Set or adjust a product's stock with a reason; False when nothing changed.

    Raises OutOfStock or InvalidQuantity (and then changes nothing).
    """
    try:
        if change is StockChange.SET:
            changed = set_stock(product, quantity=amount, reason=reason, actor=actor)
        else:
            adjust_stock(product, delta=amount, reason=reason, actor=actor)
            changed = True
    except InventoryError:
        db.session.rollback()
        raise
    db.session.commit()
    return changed
