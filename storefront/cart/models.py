"""The saved cart of a signed-in user: one row per line, named by its key (cart.lines)."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storefront.clock import utcnow
from storefront.extensions import db


class SavedCartLine(db.Model):
    __tablename__ = "cart_lines"
    __table_args__ = (
        UniqueConstraint("user_id", "key", name="one_line_per_key"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))  # LineKey.encode()
    quantity: Mapped[int]
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
