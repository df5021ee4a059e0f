"""A producer's packaging items: gift boxes, baskets, wrapping and bags its combos can be
packed in, each with its price and stock."""

from dataclasses import dataclass

from sqlalchemy import select

from storefront.accounts.models import User
from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.models import PackagingItem, PackagingKind
from storefront.extensions import db
from storefront.inventory.ledger import open_stock, set_stock
from storefront.producers.models import Producer


@dataclass(frozen=True)
class PackagingDetails:
    """What a producer writes about a packaging item."""

    kind: PackagingKind
    name: str
    name_en: str | None
    price_vnd: int
    stock: int
    active: bool = True


def _check(details: PackagingDetails) -> None:
    if not details.name.strip():
        raise ComboError(ComboErrorCode.NAME_REQUIRED)
    if details.price_vnd < 0:
        raise ComboError(ComboErrorCode.PACKAGING_PRICE_NEGATIVE)
    if details.stock < 0:
        raise ComboError(ComboErrorCode.PACKAGING_STOCK_NEGATIVE)


def _apply(item: PackagingItem, details: PackagingDetails) -> None:
    item.kind = details.kind
    item.name = details.name.strip()
    item.name_en = (details.name_en or "").strip() or None
    item.price_vnd = details.price_vnd
    item.active = details.active


def create_packaging(
    producer: Producer, details: PackagingDetails, *, actor: User | None
) -> PackagingItem:
    """A new packaging item of the producer, its stock opened in the ledger.

    Raises ComboError: NAME_REQUIRED, PACKAGING_PRICE_NEGATIVE, PACKAGING_STOCK_NEGATIVE.
    """
    _check(details)
    item = PackagingItem(producer=producer)
    _apply(item, details)
    db.session.add(item)
    open_stock(item, quantity=details.stock, actor=actor)
    db.session.commit()
    return item


def update_packaging(item: PackagingItem, details: PackagingDetails, *, actor: User | None) -> None:
    """Rewrite the item (an inactive one is no longer offered with combos); a new stock
    level is a counted movement in the ledger.

    Raises ComboError as create_packaging does; then nothing changes.
    """
    _check(details)
    _apply(item, details)
    set_stock(item, quantity=details.stock, reason="", actor=actor)
    db.session.commit()


def own_packaging(producer: Producer) -> list[PackagingItem]:
    """The producer's packaging items, active first, by name."""
    return list(
        db.session.scalars(
            select(PackagingItem)
            .where(PackagingItem.producer_id == producer.id)
            .order_by(PackagingItem.active.desc(), PackagingItem.name, PackagingItem.id)
        )
    )


def find_own_packaging(producer: Producer, item_id: int) -> PackagingItem | None:
    """The producer's item with this id; None for another producer's (or none)."""
    return db.session.scalar(
        select(PackagingItem).where(
            PackagingItem.id == item_id, PackagingItem.producer_id == producer.id
        )
    )
