"""The stock-movement ledger: one row per change of a product's stock."""

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.accounts.models import User
from storefront.catalog.models import Product
from storefront.clock import utcnow
from storefront.columns import str_enum
from storefront.extensions import db


class MovementKind(enum.StrEnum):
    OPENING = "opening"  # the stock a product starts with
    ADJUSTMENT = "adjustment"  # received or lost a number of units
    COUNT = "count"  # set to what a stock count found


class StockMovement(db.Model):
    """A change of stock; a product's stock is always the sum of its movements' deltas."""

    __tablename__ = "stock_movements"
    __table_args__ = (Index("ix_stock_movements_history", "product_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    kind: Mapped[MovementKind] = mapped_column(str_enum(MovementKind))
    delta: Mapped[int]
    stock_after: Mapped[int]  # the product's stock right after this change
    reason: Mapped[str] = mapped_column(String(200), default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    product: Mapped[Product] = relationship()
    actor: Mapped[User | None] = relationship()
