"""The shipping table: zones of provinces, and a fee per weight band in each zone."""

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.extensions import db


class ShippingZone(db.Model):
    """Provinces charged alike. The zone marked `default` serves every province no zone
    names; without one, the store delivers only to the provinces its zones name."""

    __tablename__ = "shipping_zones"
    __table_args__ = (CheckConstraint("lead_days >= 0", name="lead_days_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str | None] = mapped_column(String(120))
    is_default: Mapped[bool] = mapped_column(default=False)
    lead_days: Mapped[int]  # days from placing an order to the earliest delivery
    position: Mapped[int] = mapped_column(default=0)

    provinces: Mapped[list["ShippingZoneProvince"]] = relationship(
        back_populates="zone", cascade="all, delete-orphan"
    )
    rates: Mapped[list["ShippingRate"]] = relationship(
        back_populates="zone", cascade="all, delete-orphan"
    )


class ShippingZoneProvince(db.Model):
    __tablename__ = "shipping_zone_provinces"

    province_code: Mapped[int] = mapped_column(primary_key=True)  # in one zone at most
    zone_id: Mapped[int] = mapped_column(
        ForeignKey("shipping_zones.id", ondelete="CASCADE"), index=True
    )

    zone: Mapped[ShippingZone] = relationship(back_populates="provinces")


class ShippingRate(db.Model):
    """The fee for a parcel up to `max_weight_grams` (no limit when None) in a zone."""

    __tablename__ = "shipping_rates"
    __table_args__ = (
        UniqueConstraint("zone_id", "max_weight_grams", name="one_rate_per_band"),
        CheckConstraint("fee_vnd >= 0", name="fee_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zone_id: Mapped[int] = mapped_column(ForeignKey("shipping_zones.id", ondelete="CASCADE"))
    max_weight_grams: Mapped[int | None]
    fee_vnd: Mapped[int]

    zone: Mapped[ShippingZone] = relationship(back_populates="rates")
