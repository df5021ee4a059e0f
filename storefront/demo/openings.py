"""The ledger's opening rows for what the demo puts in stock."""

from collections.abc import Sequence

from storefront.catalog.models import Product
from storefront.combos.models import PackagingItem
from storefront.inventory.models import MovementKind, StockMovement


def opening_movements(rows: Sequence[Product | PackagingItem]) -> list[StockMovement]:
    """The ledger's first row for each product or packaging item with stock, dated with it."""
    return [
        StockMovement(
            product_id=row.id if isinstance(row, Product) else None,
            packaging_item_id=row.id if isinstance(row, PackagingItem) else None,
            kind=MovementKind.OPENING,
            delta=row.stock,
            stock_after=row.stock,
            created_at=row.created_at,
        )
        for row in rows
        if row.stock
    ]
