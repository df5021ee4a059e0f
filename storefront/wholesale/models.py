"""Shops: tourism businesses that buy souvenirs wholesale once staff approve them."""

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.clock import utcnow
from storefront.columns import str_enum
from storefront.extensions import db
from storefront.producers.models import Located

if TYPE_CHECKING:
    from storefront.accounts.models import User
    from storefront.catalog.models import Product
    from storefront.combos.models import Combo
    from storefront.producers.models import Producer


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
    terms_set_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", use_alter=True))
    terms_set_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    applicant: Mapped["User | None"] = relationship(foreign_keys=[applicant_id])
    decided_by: Mapped["User | None"] = relationship(foreign_keys=[decided_by_id])
    terms_set_by: Mapped["User | None"] = relationship(foreign_keys=[terms_set_by_id])

    @property
    def owner_id(self) -> int | None:
        """The member who applied owns the shop: they invite and remove the others."""
        return self.applicant_id

    @property
    def buys_on_invoice(self) -> bool:
        """Staff gave it days to pay and room to owe: it may order on invoice."""
        return (
            self.status is ShopStatus.APPROVED
            and bool(self.payment_terms_days)
            and bool(self.credit_limit_vnd)
        )


class WholesaleOffer(db.Model):
    """A producer's wholesale terms for one product or one combo: the fewest units a shop
    may order and the tiers of unit prices (wholesale.tiers holds the rules they keep)."""

    __tablename__ = "wholesale_offers"
    __table_args__ = (
        CheckConstraint("(product_id IS NULL) <> (combo_id IS NULL)", name="product_or_combo"),
        CheckConstraint("min_quantity >= 1", name="min_quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), unique=True
    )
    combo_id: Mapped[int | None] = mapped_column(
        ForeignKey("combos.id", ondelete="CASCADE"), unique=True
    )
    min_quantity: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    tiers: Mapped[list["WholesaleTier"]] = relationship(
        order_by="WholesaleTier.min_quantity", cascade="all, delete-orphan"
    )


class WholesaleTier(db.Model):
    """From `min_quantity` units of one line on, each unit costs `unit_price_vnd`."""

    __tablename__ = "wholesale_tiers"
    __table_args__ = (
        UniqueConstraint("offer_id", "min_quantity", name="one_tier_per_quantity"),
        CheckConstraint("min_quantity >= 1", name="tier_quantity_positive"),
        CheckConstraint("unit_price_vnd > 0", name="tier_price_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(
        ForeignKey("wholesale_offers.id", ondelete="CASCADE"), index=True
    )
    min_quantity: Mapped[int]
    unit_price_vnd: Mapped[int]


class ShopInvitation(db.Model):
    """The shop's owner asks someone, by e-mail, to join the shop; the link in the mail
    carries a token whose hash is kept here."""

    __tablename__ = "shop_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))  # lower-cased
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex
    invited_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    revoked_at: Mapped[datetime | None]

    shop: Mapped[Shop] = relationship()
    invited_by: Mapped["User"] = relationship(foreign_keys=[invited_by_id])
    accepted_by: Mapped["User | None"] = relationship(foreign_keys=[accepted_by_id])


class QuoteStatus(enum.StrEnum):
    REQUESTED = "requested"  # waiting for prices on some lines
    ANSWERED = "answered"  # every line priced: the shop may accept until valid_until
    ACCEPTED = "accepted"  # became order_id
    DECLINED = "declined"  # the shop said no
    WITHDRAWN = "withdrawn"  # the shop took the request back before it was answered


class Quote(db.Model):
    """A shop's request for prices on a custom souvenir order, and the answers to it."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(20), unique=True)  # "Q-26-000012"
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"), index=True)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[QuoteStatus] = mapped_column(
        str_enum(QuoteStatus), default=QuoteStatus.REQUESTED, index=True
    )
    wishes: Mapped[str] = mapped_column(Text, default="")  # branding, packaging...
    needed_by: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]
    valid_until: Mapped[date | None]  # the earliest of the lines' answers
    decided_at: Mapped[datetime | None]  # accepted, declined or withdrawn
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), unique=True)

    shop: Mapped[Shop] = relationship()
    requested_by: Mapped["User"] = relationship(foreign_keys=[requested_by_id])
    lines: Mapped[list["QuoteLine"]] = relationship(
        order_by="QuoteLine.position", cascade="all, delete-orphan"
    )


class QuoteLine(db.Model):
    """One product or combo asked for, and the price its producer (or staff) answered."""

    __tablename__ = "quote_lines"
    __table_args__ = (
        CheckConstraint("(product_id IS NULL) <> (combo_id IS NULL)", name="quote_item"),
        CheckConstraint("quantity >= 1", name="quote_quantity_positive"),
        CheckConstraint("unit_price_vnd IS NULL OR unit_price_vnd > 0", name="quote_price"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    combo_id: Mapped[int | None] = mapped_column(ForeignKey("combos.id"))
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)  # answers
    quantity: Mapped[int]
    list_price_vnd: Mapped[int]  # the shop's tier price for this quantity when asked
    unit_price_vnd: Mapped[int | None]  # the answer
    valid_until: Mapped[date | None]
    answer_note: Mapped[str] = mapped_column(Text, default="")
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answered_at: Mapped[datetime | None]

    product: Mapped["Product | None"] = relationship()
    combo: Mapped["Combo | None"] = relationship()
    producer: Mapped["Producer"] = relationship()
    answered_by: Mapped["User | None"] = relationship(foreign_keys=[answered_by_id])
