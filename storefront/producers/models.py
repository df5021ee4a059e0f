"""Producers: the OCOP subjects (enterprises, cooperatives, household businesses)."""

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, event
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship
from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

from storefront.clock import utcnow
from storefront.columns import str_enum
from storefront.extensions import db
from storefront.text import fold

if TYPE_CHECKING:
    from storefront.accounts.models import User


class ProducerKind(enum.StrEnum):
    ENTERPRISE = "enterprise"
    COOPERATIVE = "cooperative"
    HOUSEHOLD = "household"


class ProducerStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    SUSPENDED = "suspended"
    REJECTED = "rejected"


class Located:
    """A row placed by `province_code` and `ward_code` in the two-level units."""

    province_code: Mapped[int]
    ward_code: Mapped[int]

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


class Producer(Located, db.Model):
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
    tax_code: Mapped[str | None] = mapped_column(String(14), unique=True)  # "0123456789-001"
    search_folded: Mapped[str] = mapped_column(String(300), default="")  # kept by _fold_search
    applicant_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", use_alter=True), index=True
    )
    # The latest staff decision: approval, rejection, suspension or reinstatement.
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", use_alter=True))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str] = mapped_column(Text, default="")

    applicant: Mapped["User | None"] = relationship(foreign_keys=[applicant_id])
    decided_by: Mapped["User | None"] = relationship(foreign_keys=[decided_by_id])


@event.listens_for(Producer, "before_insert")
@event.listens_for(Producer, "before_update")
def _fold_search(_mapper: Mapper, _connection: object, producer: Producer) -> None:
    """Staff search matches the name and tax code whatever the diacritics."""
    producer.search_folded = fold(f"{producer.name} {producer.tax_code or ''}")
