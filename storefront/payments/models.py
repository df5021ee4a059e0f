"""Card payments through Stripe: the Checkout Session of each card order, the payment it
captured, its refunds, and the ids of the Stripe events already applied."""

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.accounts.models import User
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.orders.models import Order


class CardCheckout(db.Model):
    """The Stripe Checkout Session where the buyer pays a card order (one per order)."""

    __tablename__ = "card_checkouts"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), unique=True)
    session_id: Mapped[str] = mapped_column(String(255), unique=True)
    url: Mapped[str] = mapped_column(Text)
    # As last heard from Stripe: open, complete (paid, or a slow method on its way), expired.
    status: Mapped[str] = mapped_column(String(20), default="open")
    expires_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    order: Mapped[Order] = relationship()


class CardPayment(db.Model):
    """Money Stripe captured for an order, recorded once per session by whichever of the
    webhook and the success page comes first. A `late` payment came when its order no
    longer waited for it (cancelled, or paid through another session): it is refunded."""

    __tablename__ = "card_payments"
    __table_args__ = (CheckConstraint("amount_vnd > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[str] = mapped_column(String(255), unique=True)
    payment_intent_id: Mapped[str] = mapped_column(String(255), unique=True)
    amount_vnd: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)

    order: Mapped[Order] = relationship()
    refunds: Mapped[list["CardRefund"]] = relationship(
        back_populates="payment", order_by="CardRefund.id"
    )

    @property
    def made_refunds(self) -> list["CardRefund"]:
        """The refunds Stripe made (not a staff request still waiting for its answer)."""
        return [refund for refund in self.refunds if refund.stripe_refund_id]

    @property
    def refunded_vnd(self) -> int:
        return sum(refund.amount_vnd for refund in self.made_refunds)

    @property
    def refundable_vnd(self) -> int:
        return self.amount_vnd - self.refunded_vnd


class CardRefund(db.Model):
    """Money given back through Stripe: by staff, automatically for a payment that came
    after its order was cancelled, or from Stripe's dashboard (learnt from its event).

    A staff refund is first recorded as a request (its unique `request_key` is also the
    idempotency key sent to Stripe, and travels in the refund's metadata); the Stripe id
    is filled in by whichever comes first, Stripe's answer or its `charge.refunded` event,
    so the request keeps its author and reason."""

    __tablename__ = "card_refunds"
    __table_args__ = (CheckConstraint("amount_vnd > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(
        ForeignKey("card_payments.id", ondelete="CASCADE"), index=True
    )
    stripe_refund_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    request_key: Mapped[str | None] = mapped_column(String(255), unique=True)
    amount_vnd: Mapped[int]
    reason: Mapped[str] = mapped_column(Text, default="")
    automatic: Mapped[bool] = mapped_column(Boolean, default=False)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    payment: Mapped[CardPayment] = relationship(back_populates="refunds")
    actor: Mapped[User | None] = relationship()


class StripeEvent(db.Model):
    """A Stripe event applied: its id is stored once, so a repeat is recognised and ignored."""

    __tablename__ = "stripe_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(255), unique=True)
    type: Mapped[str] = mapped_column(String(100))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
