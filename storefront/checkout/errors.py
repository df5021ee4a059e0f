"""Typed checkout errors with codes, and the translated message for each code."""

import enum

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from storefront.coded_errors import CodedError


class CheckoutErrorCode(enum.StrEnum):
    EMPTY_CART = "empty_cart"
    CART_CHANGED = "cart_changed"
    SOLD_OUT = "sold_out"
    OUT_OF_STOCK = "out_of_stock"
    COD_LIMIT = "cod_limit"
    DELIVERY_DATE_TOO_EARLY = "delivery_date_too_early"
    UNKNOWN_WARD = "unknown_ward"
    NO_INVOICE_TERMS = "no_invoice_terms"
    CREDIT_LIMIT = "credit_limit"


MESSAGES: dict[CheckoutErrorCode, LazyString] = {
    CheckoutErrorCode.EMPTY_CART: _l("Your cart is empty."),
    CheckoutErrorCode.CART_CHANGED: _l(
        "Something in your cart changed since you looked: %(problem)s. "
        "Please check your cart again."
    ),
    CheckoutErrorCode.SOLD_OUT: _l(
        "Sorry, %(item)s sold out while you were checking out. "
        "Nothing was ordered; please change your cart."
    ),
    CheckoutErrorCode.OUT_OF_STOCK: _l(
        "Sorry, only %(available)s of %(item)s are left now, fewer than your cart holds. "
        "Nothing was ordered; please change your cart."
    ),
    CheckoutErrorCode.COD_LIMIT: _l(
        "Cash on delivery is for orders up to %(limit)s. Please pay by bank transfer."
    ),
    CheckoutErrorCode.DELIVERY_DATE_TOO_EARLY: _l(
        "The earliest we can deliver there is %(date)s. Choose that day or a later one."
    ),
    CheckoutErrorCode.UNKNOWN_WARD: _l("Choose a ward of the province you chose."),
    CheckoutErrorCode.NO_INVOICE_TERMS: _l(
        "Paying by invoice needs payment terms agreed with the Chợ OCOP team. "
        "Please pay by bank transfer or card."
    ),
    CheckoutErrorCode.CREDIT_LIMIT: _l(
        "This order (%(total)s) would take your shop's unpaid invoices to %(after)s, over "
        "its credit limit of %(limit)s (%(owed)s owed now). Pay an invoice first, or pay "
        "this order by bank transfer or card."
    ),
}


class CheckoutError(CodedError):
    """Placing an order was refused; nothing was ordered. `params` fill the message."""

    code: CheckoutErrorCode
    messages = MESSAGES
