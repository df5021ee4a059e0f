"""What the buyer tells the checkout, as plain values the forms fill and placing reads."""

from dataclasses import dataclass
from datetime import date

from storefront.orders.models import PaymentMethod


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    phone: str  # E.164, checked by the form with phonenumbers


@dataclass(frozen=True)
class Delivery:
    recipient_name: str
    recipient_phone: str  # E.164
    province_code: int
    ward_code: int
    street: str


@dataclass(frozen=True)
class GiftOptions:
    message: str = ""  # printed on the story card
    hide_prices: bool = False  # a packing slip without prices
    deliver_on: date | None = None  # the buyer's preferred day


@dataclass(frozen=True)
class InvoiceDetails:
    """Who a shop's VAT invoice is made out to."""

    company_name: str
    tax_code: str  # "0123456789" or "0123456789-001"
    address: str


@dataclass(frozen=True)
class Checkout:
    contact: Contact
    delivery: Delivery
    gift: GiftOptions
    payment: PaymentMethod
    invoice: InvoiceDetails | None = None  # a shop's order
