"""Orders and their lines, with snapshots of names, prices, producers and combo components
taken when the order was placed; each order's fulfilments (one per producer); the events
of each order's and fulfilment's life; staff's internal notes."""

import enum
from datetime import date, datetime

from sqlalchemy import (
    DDL,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from storefront.accounts.models import User
from storefront.clock import utcnow
from storefront.columns import str_enum
from storefront.extensions import db
from storefront.producers.models import Located
from storefront.text import fold


class PaymentMethod(enum.StrEnum):
    COD = "cod"  # cash on delivery
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"  # through Stripe Checkout
    INVOICE = "invoice"  # a shop's bank transfer, due on its terms after the order ships


class OrderStatus(enum.StrEnum):
    AWAITING_PAYMENT = "awaiting_payment"  # a bank transfer or card payment not yet received
    CONFIRMED = "confirmed"  # cash on delivery: paid when it arrives
    PAID = "paid"
    PROCESSING = "processing"  # the producers are preparing it
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    REFUNDED = "refunded"  # paid, then all of it given back
    CANCELLED = "cancelled"


class FulfilmentStatus(enum.StrEnum):
    PENDING = "pending"  # not yet packed
    PACKED = "packed"
    SHIPPED = "shipped"  # handed to a carrier, with a tracking number
    DELIVERED = "delivered"
    CANCELLED = "cancelled"  # the order was cancelled before it shipped


class LineKind(enum.StrEnum):
    PRODUCT = "product"
    COMBO = "combo"


class Order(Located, db.Model):
    """An order as placed; `number` ("OCOP-26-000123") is what the buyer and staff quote."""

    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("total_vnd = subtotal_vnd + shipping_vnd", name="total_is_sum"),
        Index("ix_orders_open_transfers", "status", "payment_due_at"),
        # Staff's order list (orders/search.py): its filters; phones by equality; names and
        # e-mails by any part (LIKE '%...%'), which trigram indexes serve on PostgreSQL.
        Index("ix_orders_payment_method", "payment_method"),
        Index("ix_orders_buyer_phone", "buyer_phone"),
        Index("ix_orders_recipient_phone", "recipient_phone"),
        Index(
            "ix_orders_search_trigrams",
            "search_folded",
            postgresql_using="gin",
            postgresql_ops={"search_folded": "gin_trgm_ops"},
        ),
        Index(
            "ix_orders_email_trigrams",
            "email",
            postgresql_using="gin",
            postgresql_ops={"email": "gin_trgm_ops"},
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Set from the id in the transaction that places the order, so never seen empty.
    number: Mapped[str | None] = mapped_column(String(20), unique=True)
    access_key: Mapped[str] = mapped_column(String(64))  # in the guest's links to the order
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    locale: Mapped[str] = mapped_column(String(5))
    email: Mapped[str] = mapped_column(String(254), index=True)  # lower-cased
    buyer_name: Mapped[str] = mapped_column(String(120))
    buyer_phone: Mapped[str] = mapped_column(String(20))  # E.164
    recipient_name: Mapped[str] = mapped_column(String(120))
    recipient_phone: Mapped[str] = mapped_column(String(20))
    province_code: Mapped[int] = mapped_column(index=True)
    ward_code: Mapped[int]
    street: Mapped[str] = mapped_column(String(200))
    gift_message: Mapped[str | None] = mapped_column(Text)
    hide_prices: Mapped[bool] = mapped_column(Boolean, default=False)  # on the packing slip
    preferred_delivery_on: Mapped[date | None]
    payment_method: Mapped[PaymentMethod] = mapped_column(str_enum(PaymentMethod))
    status: Mapped[OrderStatus] = mapped_column(str_enum(OrderStatus), index=True)
    subtotal_vnd: Mapped[int]
    shipping_vnd: Mapped[int]
    total_vnd: Mapped[int]
    weight_grams: Mapped[int]
    shipping_zone: Mapped[str] = mapped_column(String(120))  # the zone's name then
    placed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # A bank transfer not received by then lapses; a card order's Checkout Session expires.
    payment_due_at: Mapped[datetime | None]
    paid_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    # A shop's order: the shop, and the details its VAT invoice is made out to.
    shop_id: Mapped[int | None] = mapped_column(ForeignKey("shops.id"), index=True)
    vat_company_name: Mapped[str | None] = mapped_column(String(200))
    vat_tax_code: Mapped[str | None] = mapped_column(String(14))
    vat_address: Mapped[str | None] = mapped_column(String(300))
    # The buyer's and recipient's names without diacritics, for staff search; kept by
    # _fold_search.
    search_folded: Mapped[str] = mapped_column(String(250), default="")

    user: Mapped[User | None] = relationship()
    lines: Mapped[list["OrderLine"]] = relationship(
        back_populates="order", order_by="OrderLine.position", cascade="all, delete-orphan"
    )
    events: Mapped[list["OrderEvent"]] = relationship(
        back_populates="order", order_by="OrderEvent.id", cascade="all, delete-orphan"
    )
    fulfilments: Mapped[list["Fulfilment"]] = relationship(
        back_populates="order", order_by="Fulfilment.id", cascade="all, delete-orphan"
    )

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)


# The trigram indexes above need PostgreSQL's pg_trgm (the migration creates it too).
event.listen(
    Order.__table__,
    "before_create",
    DDL("CREATE EXTENSION IF NOT EXISTS pg_trgm").execute_if(dialect="postgresql"),
)


@event.listens_for(Order, "before_insert")
@event.listens_for(Order, "before_update")
def _fold_search(_mapper: Mapper, _connection: object, order: Order) -> None:
    """Staff search finds "Nguyễn Thị Hoà" by typing "nguyen thi hoa"."""
    order.search_folded = fold(f"{order.buyer_name} {order.recipient_name}")[:250]


class OrderLine(db.Model):
    """A product or combo as bought: its names, producer and prices then."""

    __tablename__ = "order_lines"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("total_vnd = unit_price_vnd * quantity", name="total_is_product"),
        CheckConstraint(
            "unit_price_vnd = item_price_vnd + packaging_price_vnd + wrap_price_vnd",
            name="unit_price_is_sum",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    kind: Mapped[LineKind] = mapped_column(str_enum(LineKind))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    combo_id: Mapped[int | None] = mapped_column(ForeignKey("combos.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    unit: Mapped[str | None] = mapped_column(String(60))
    unit_en: Mapped[str | None] = mapped_column(String(60))
    # The producer that fulfils the line: the product's, or the combo's owner.
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    producer_name: Mapped[str] = mapped_column(String(200))
    item_price_vnd: Mapped[int]
    packaging_item_id: Mapped[int | None] = mapped_column(ForeignKey("packaging_items.id"))
    packaging_name: Mapped[str | None] = mapped_column(String(120))
    packaging_name_en: Mapped[str | None] = mapped_column(String(120))
    packaging_price_vnd: Mapped[int] = mapped_column(default=0)
    wrap_item_id: Mapped[int | None] = mapped_column(ForeignKey("packaging_items.id"))
    wrap_name: Mapped[str | None] = mapped_column(String(120))
    wrap_name_en: Mapped[str | None] = mapped_column(String(120))
    wrap_price_vnd: Mapped[int] = mapped_column(default=0)
    unit_price_vnd: Mapped[int]
    quantity: Mapped[int]
    total_vnd: Mapped[int]
    fulfilment_id: Mapped[int | None] = mapped_column(
        ForeignKey("fulfilments.id", ondelete="CASCADE"), index=True
    )

    order: Mapped[Order] = relationship(back_populates="lines")
    fulfilment: Mapped["Fulfilment | None"] = relationship(back_populates="lines")
    components: Mapped[list["OrderLineComponent"]] = relationship(
        back_populates="line", order_by="OrderLineComponent.position", cascade="all, delete-orphan"
    )


class OrderLineComponent(db.Model):
    """One product of a combo line as it was when bought, per combo."""

    __tablename__ = "order_line_components"

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(
        ForeignKey("order_lines.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    producer_name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int]  # in each combo
    unit_price_vnd: Mapped[int]  # its retail price then
    stars: Mapped[int | None]  # its certificate's then

    line: Mapped[OrderLine] = relationship(back_populates="components")


class OrderEvent(db.Model):
    """A change of an order's status: who, when, from what, to what, and why."""

    __tablename__ = "order_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[OrderStatus | None] = mapped_column(str_enum(OrderStatus))
    to_status: Mapped[OrderStatus] = mapped_column(str_enum(OrderStatus))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    order: Mapped[Order] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


class Fulfilment(db.Model):
    """One producer's part of an order: the lines it packs and ships, and where they are."""

    __tablename__ = "fulfilments"
    __table_args__ = (
        UniqueConstraint("order_id", "producer_id"),
        Index("ix_fulfilments_producer_status", "producer_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    producer_id: Mapped[int] = mapped_column(ForeignKey("producers.id"), index=True)
    producer_name: Mapped[str] = mapped_column(String(200))
    status: Mapped[FulfilmentStatus] = mapped_column(
        str_enum(FulfilmentStatus), default=FulfilmentStatus.PENDING
    )
    subtotal_vnd: Mapped[int]  # its lines' totals
    # What its courier collects in cash (0 unless cash on delivery): its lines, plus the
    # shipping fee on the order's first fulfilment.
    collect_vnd: Mapped[int] = mapped_column(default=0)
    carrier: Mapped[str | None] = mapped_column(String(60))
    tracking_number: Mapped[str | None] = mapped_column(String(60))
    cash_collected_vnd: Mapped[int | None]
    packed_at: Mapped[datetime | None]
    shipped_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]

    order: Mapped[Order] = relationship(back_populates="fulfilments")
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="fulfilment", order_by="OrderLine.position"
    )
    events: Mapped[list["FulfilmentEvent"]] = relationship(
        back_populates="fulfilment", order_by="FulfilmentEvent.id", cascade="all, delete-orphan"
    )


class FulfilmentEvent(db.Model):
    """A change of a fulfilment's status: who, when, from what, to what, and a note (the
    carrier and tracking number, the cash collected)."""

    __tablename__ = "fulfilment_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    fulfilment_id: Mapped[int] = mapped_column(
        ForeignKey("fulfilments.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[FulfilmentStatus | None] = mapped_column(str_enum(FulfilmentStatus))
    to_status: Mapped[FulfilmentStatus] = mapped_column(str_enum(FulfilmentStatus))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    fulfilment: Mapped[Fulfilment] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


class OrderNote(db.Model):
    """Staff's internal note on an order; never shown to the buyer or producers."""

    __tablename__ = "order_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User] = relationship()
