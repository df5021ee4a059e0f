"""The stock-movement ledger: one row per change of a product's or packaging item's stock."""

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.accounts.models import User
from storefront.catalog.models import Product
from storefront.clock import utcnow
from storefront.columns import str_enum
from storefront.extensions import db
from storefront.orders import models as _orders  # noqa: F401  (movements name their order)

if TYPE_CHECKING:
    from storefront.combos.models import PackagingItem


class MovementKind(enum.StrEnum):
    OPENING = "opening"  # the stock a product starts with
    ADJUSTMENT = "adjustment"  # received or lost a number of units
    COUNT = "count"  # set to what a stock count found
    RESERVATION = "reservation"  # taken by an order when it was placed
    RELEASE = "release"  # given back by an order that was cancelled


class StockMovement(db.Model):
    """A change of stock of one product or one packaging item; its stock is always the sum
    of its movements' deltas. Reservations and releases name their order."""

    __tablename__ = "stock_movements"
    __table_args__ = (
        Index("ix_stock_movements_history", "product_id", "created_at"),
        CheckConstraint(
            "(product_id IS NULL) <> (packaging_item_id IS NULL)", name="one_stocked_thing"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    packaging_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("packaging_items.id", ondelete="CASCADE"), index=True
    )
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    kind: Mapped[MovementKind] = mapped_column(str_enum(MovementKind))
    delta: Mapped[int]
    stock_after: Mapped[int]  # the product's stock right after this change
    reason: Mapped[str] = mapped_column(String(200), default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    product: Mapped[Product | None] = relationship()
    packaging_item: Mapped["PackagingItem | None"] = relationship()
    actor: Mapped[User | None] = relationship()
