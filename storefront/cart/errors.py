"""Typed cart errors with codes, and the translated message for each code."""

import enum

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from storefront.coded_errors import CodedError


class CartErrorCode(enum.StrEnum):
    NOT_FOUND = "not_found"
    NOT_FOR_SALE = "not_for_sale"
    SOLD_OUT = "sold_out"
    NOT_ENOUGH_STOCK = "not_enough_stock"
    INVALID_QUANTITY = "invalid_quantity"
    TOO_MANY = "too_many"
    TOO_MANY_LINES = "too_many_lines"
    PACKAGING_UNAVAILABLE = "packaging_unavailable"
    WRAP_UNAVAILABLE = "wrap_unavailable"
    BELOW_MINIMUM = "below_minimum"


MESSAGES: dict[CartErrorCode, LazyString] = {
    CartErrorCode.NOT_FOUND: _l("This item is not in our store."),
    CartErrorCode.NOT_FOR_SALE: _l("This item cannot be bought now."),
    CartErrorCode.SOLD_OUT: _l("This item is sold out."),
    CartErrorCode.NOT_ENOUGH_STOCK: _l(
        "Only %(available)s left: your cart can hold at most that many."
    ),
    CartErrorCode.INVALID_QUANTITY: _l("Choose a quantity from 1 to %(most)s."),
    CartErrorCode.TOO_MANY: _l("A cart line holds at most %(most)s of an item."),
    CartErrorCode.TOO_MANY_LINES: _l(
        "Your cart is full (%(most)s lines). Place an order or remove a line first."
    ),
    CartErrorCode.PACKAGING_UNAVAILABLE: _l("This packaging is not offered for this combo now."),
    CartErrorCode.WRAP_UNAVAILABLE: _l("This gift wrapping is not offered for this item now."),
    CartErrorCode.BELOW_MINIMUM: _l("The minimum order for this item is %(minimum)s."),
}


class CartError(CodedError):
    """A cart change that was refused; `params` fill the message's blanks."""

    code: CartErrorCode
    messages = MESSAGES
