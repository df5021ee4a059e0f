"""The gift wrapping a producer offers with its products and combos now."""

from sqlalchemy import select

from storefront.combos.models import PackagingItem, PackagingKind
from storefront.extensions import db


def wrapping_of(producer_id: int) -> list[PackagingItem]:
    """Active wrapping items of the producer that are in stock, cheapest first (one query)."""
    return list(
        db.session.scalars(
            select(PackagingItem)
            .where(
                PackagingItem.producer_id == producer_id,
                PackagingItem.kind == PackagingKind.WRAPPING,
                PackagingItem.active.is_(True),
                PackagingItem.stock > 0,
            )
            .order_by(PackagingItem.price_vnd, PackagingItem.id)
        )
    )
