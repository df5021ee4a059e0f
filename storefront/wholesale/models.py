"""Shops: tourism businesses that buy souvenirs wholesale once staff approve them."""

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.clock import utcnow
from storefront.columns import str_enum
from storefront.extensions import db
from storefront.producers.models import Located

if TYPE_CHECKING:
    from storefront.accounts.models import User


class ShopKind(enum.StrEnum):
    SOUVENIR_SHOP = "souvenir_shop"
    HOTEL_GIFT_CORNER = "hotel_gift_corner"
    TOUR_OPERATOR = "tour_operator"
    OTHER = "other"


class ShopStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Shop(Located, db.Model):
    __tablename__ = "shops"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    tax_code: Mapped[str] = mapped_column(String(14), unique=True)  # "0123456789-001"
    kind: Mapped[ShopKind] = mapped_column(str_enum(ShopKind))
    province_code: Mapped[int] = mapped_column(index=True)
    ward_code: Mapped[int]
    address: Mapped[str] = mapped_column(String(300))
    contact_name: Mapped[str] = mapped_column(String(120))
    contact_phone: Mapped[str] = mapped_column(String(16))  # E.164, e.g. +84912345678
    status: Mapped[ShopStatus] = mapped_column(
        str_enum(ShopStatus), default=ShopStatus.PENDING, index=True
    )
    # One application per user, also when two are sent at once.
    applicant_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", use_alter=True), unique=True
    )
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", use_alter=True))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    # Set by staff later (bank-transfer terms); None means none agreed yet.
    payment_terms_days: Mapped[int | None]
    credit_limit_vnd: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    applicant: Mapped["User | None"] = relationship(foreign_keys=[applicant_id])
    decided_by: Mapped["User | None"] = relationship(foreign_keys=[decided_by_id])
