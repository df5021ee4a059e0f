"""Typed inventory errors with codes, and the translated message for each code."""

import enum

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from storefront.coded_errors import CodedError


class InventoryErrorCode(enum.StrEnum):
    OUT_OF_STOCK = "out_of_stock"
    INVALID_QUANTITY = "invalid_quantity"


MESSAGES: dict[InventoryErrorCode, LazyString] = {
    InventoryErrorCode.OUT_OF_STOCK: _l(
        "There is not that much in stock: stock cannot go below 0."
    ),
    InventoryErrorCode.INVALID_QUANTITY: _l(
        "Enter a stock level of 0 or more, or a change other than 0."
    ),
}


class InventoryError(CodedError):
    """Base of every inventory error; `code` says which, `message()` says it to a person."""

    code: InventoryErrorCode
    messages = MESSAGES


class OutOfStock(InventoryError):
    """The change would take the stock below zero."""

    def __init__(self) -> None:
        super().__init__(InventoryErrorCode.OUT_OF_STOCK)


class InvalidQuantity(InventoryError):
    """A stock level below zero, or a change of nothing."""

    def __init__(self) -> None:
        super().__init__(InventoryErrorCode.INVALID_QUANTITY)
