"""Combos, their components and packaging, and the heritage entries their stories tell of."""

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.accounts.models import User
from storefront.catalog.models import Product
from storefront.clock import utcnow
from storefront.columns import str_enum
from storefront.extensions import db
from storefront.producers.models import Located, Producer

MIN_QUANTITY = 1
MAX_QUANTITY = 50
MAX_PERCENT_OFF = 90


class HeritageKind(enum.StrEnum):
    HISTORIC_SITE = "historic_site"
    FESTIVAL = "festival"
    FLOATING_MARKET = "floating_market"
    CRAFT_VILLAGE = "craft_village"
    LANDSCAPE = "landscape"
    CUISINE = "cuisine"


class ComboKind(enum.StrEnum):
    GIFT_COMBO = "gift_combo"
    SOUVENIR_BUNDLE = "souvenir_bundle"


class ComboStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    HIDDEN = "hidden"


class PriceMode(enum.StrEnum):
    FIXED = "fixed"  # fixed_price_vnd, capped at the sum of the parts
    PERCENT_OFF = "percent_off"  # percent_off taken from the sum of the parts


class Occasion(enum.StrEnum):
    TET = "tet"
    MID_AUTUMN = "mid_autumn"
    SOUVENIR = "souvenir"
    CORPORATE = "corporate"
    WEDDING = "wedding"


class Consent(enum.StrEnum):
    """A component's producer's answer to being part of the combo (its own: accepted)."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class PackagingKind(enum.StrEnum):
    GIFT_BOX = "gift_box"
    BASKET = "basket"
    WRAPPING = "wrapping"
    BAG = "bag"


class Heritage(Located, db.Model):
    """A place or tradition a combo is tied to, curated by staff."""

    __tablename__ = "heritage_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(220), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[HeritageKind] = mapped_column(str_enum(HeritageKind))
    province_code: Mapped[int] = mapped_column(index=True)
    ward_code: Mapped[int]
    story: Mapped[str] = mapped_column(Text)  # Markdown
    story_en: Mapped[str | None] = mapped_column(Text)
    # Relative to the upload folder, as catalog.uploads stores pictures.
    image_path: Mapped[str | None] = mapped_column(String(300))
    image_width: Mapped[int | None]
    image_height: Mapped[int | None]
    thumb_path: Mapped[str | None] = mapped_column(String(300))
    thumb_width: Mapped[int | None]
    thumb_height: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PackagingItem(db.Model):
    """A gift box, basket or wrapping a producer keeps in stock to pack its combos in."""

    __tablename__ = "packaging_items"
    __table_args__ = (
        CheckConstraint("price_vnd >= 0", name="price_not_negative"),
        CheckConstraint("stock >= 0", name="stock_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    kind: Mapped[PackagingKind] = mapped_column(str_enum(PackagingKind))
    name: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str | None] = mapped_column(String(120))
    price_vnd: Mapped[int]
    stock: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    producer: Mapped[Producer] = relationship()


class Combo(db.Model):
    """A gift combo or souvenir bundle; its price and stock derive from its components."""

    __tablename__ = "combos"
    __table_args__ = (
        CheckConstraint(
            "(price_mode = 'fixed' AND fixed_price_vnd > 0 AND percent_off IS NULL)"
            " OR (price_mode = 'percent_off' AND percent_off BETWEEN 1 AND 90"
            " AND fixed_price_vnd IS NULL)",
            name="price_rule",
        ),
        Index("ix_combos_listing", "status", "owner_id", "kind", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    slug: Mapped[str] = mapped_column(String(220), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[ComboKind] = mapped_column(str_enum(ComboKind))
    price_mode: Mapped[PriceMode] = mapped_column(str_enum(PriceMode))
    fixed_price_vnd: Mapped[int | None]
    percent_off: Mapped[int | None]
    heritage_id: Mapped[int | None] = mapped_column(
        ForeignKey("heritage_entries.id", ondelete="SET NULL"), index=True
    )
    story: Mapped[str] = mapped_column(Text, default="")  # Markdown, shown sanitised
    story_en: Mapped[str | None] = mapped_column(Text)
    image_path: Mapped[str | None] = mapped_column(String(300))
    image_width: Mapped[int | None]
    image_height: Mapped[int | None]
    thumb_path: Mapped[str | None] = mapped_column(String(300))
    thumb_width: Mapped[int | None]
    thumb_height: Mapped[int | None]
    status: Mapped[ComboStatus] = mapped_column(str_enum(ComboStatus), default=ComboStatus.DRAFT)
    # Set when staff hid the combo: the owner sees why, and cannot publish it again
    # until staff restore it.
    hidden_reason: Mapped[str | None] = mapped_column(Text)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    hidden_at: Mapped[datetime | None]
    # Lower-cased search text (see combos.search), as products keep theirs.
    search_text: Mapped[str] = mapped_column(Text, default="")
    search_folded: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    owner: Mapped[Producer] = relationship()
    heritage: Mapped[Heritage | None] = relationship()
    hidden_by: Mapped[User | None] = relationship()
    components: Mapped[list["ComboComponent"]] = relationship(
        back_populates="combo", order_by="ComboComponent.position", cascade="all, delete-orphan"
    )
    packaging: Mapped[list["ComboPackaging"]] = relationship(
        back_populates="combo", order_by="ComboPackaging.position", cascade="all, delete-orphan"
    )
    occasions: Mapped[list["ComboOccasion"]] = relationship(
        back_populates="combo", cascade="all, delete-orphan"
    )

    @property
    def hidden_by_staff(self) -> bool:
        """Staff hid it (with a reason); only staff may put it back on sale."""
        return self.hidden_reason is not None

    @property
    def occasion_set(self) -> frozenset[Occasion]:
        return frozenset(o.occasion for o in self.occasions)


class ComboComponent(db.Model):
    """`quantity` units of a certified product in a combo, with its producer's consent."""

    __tablename__ = "combo_components"
    __table_args__ = (
        UniqueConstraint("combo_id", "product_id"),
        CheckConstraint(f"quantity BETWEEN {MIN_QUANTITY} AND {MAX_QUANTITY}", name="quantity"),
        Index("ix_combo_components_consent", "producer_id", "consent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    combo_id: Mapped[int] = mapped_column(ForeignKey("combos.id", ondelete="CASCADE"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    # The product's producer, kept here so a producer's invitations are one indexed query.
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"))
    quantity: Mapped[int]
    position: Mapped[int] = mapped_column(default=0)
    consent: Mapped[Consent] = mapped_column(str_enum(Consent), default=Consent.PENDING)
    consent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    consent_at: Mapped[datetime | None]

    combo: Mapped[Combo] = relationship(back_populates="components")
    product: Mapped[Product] = relationship()
    producer: Mapped[Producer] = relationship()
    consent_by: Mapped[User | None] = relationship()


class ComboPackaging(db.Model):
    """A packaging the shopper may choose for the combo; the first is the default."""

    __tablename__ = "combo_packaging"

    combo_id: Mapped[int] = mapped_column(
        ForeignKey("combos.id", ondelete="CASCADE"), primary_key=True
    )
    packaging_item_id: Mapped[int] = mapped_column(
        ForeignKey("packaging_items.id"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(default=0)

    combo: Mapped[Combo] = relationship(back_populates="packaging")
    item: Mapped[PackagingItem] = relationship()


class ComboOccasion(db.Model):
    __tablename__ = "combo_occasions"

    combo_id: Mapped[int] = mapped_column(
        ForeignKey("combos.id", ondelete="CASCADE"), primary_key=True
    )
    occasion: Mapped[Occasion] = mapped_column(str_enum(Occasion), primary_key=True, index=True)

    combo: Mapped[Combo] = relationship(back_populates="occasions")
