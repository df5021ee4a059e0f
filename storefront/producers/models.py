"""Producers: the OCOP subjects (enterprises, cooperatives, household businesses)."""

import enum
from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column
from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

from storefront.clock import utcnow
from storefront.columns import str_enum
from storefront.extensions import db


class ProducerKind(enum.StrEnum):
    ENTERPRISE = "enterprise"
    COOPERATIVE = "cooperative"
    HOUSEHOLD = "household"


class ProducerStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    SUSPENDED = "suspended"


class Producer(db.Model):
    __tablename__ = "producers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(220), unique=True)
    kind: Mapped[ProducerKind] = mapped_column(str_enum(ProducerKind), index=True)
    province_code: Mapped[int] = mapped_column(index=True)
    ward_code: Mapped[int] = mapped_column(index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    story: Mapped[str] = mapped_column(Text, default="")
    logo: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[ProducerStatus] = mapped_column(
        str_enum(ProducerStatus), default=ProducerStatus.PENDING, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def province(self) -> Province:
        return Province.from_code(ProvinceCode(self.province_code))

    @property
    def ward(self) -> Ward:
        return Ward.from_code(WardCode(self.ward_code))

    @property
    def locality(self) -> str:
        """ "Phường Ngã Bảy, Thành phố Cần Thơ"."""
        return f"{self.ward.name}, {self.province.name}"
