"""Typed quote errors with codes, and the translated message for each code."""

import enum

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from storefront.coded_errors import CodedError


class QuoteErrorCode(enum.StrEnum):
    NOT_ALLOWED = "not_allowed"
    NO_LINES = "no_lines"
    TOO_MANY_LINES = "too_many_lines"
    INVALID_QUANTITY = "invalid_quantity"
    DUPLICATE_ITEM = "duplicate_item"
    UNKNOWN_ITEM = "unknown_item"
    NOT_FOR_SALE = "not_for_sale"
    NEEDS_PACKAGING = "needs_packaging"
    WISHES_TOO_LONG = "wishes_too_long"
    NEEDED_BY_PASSED = "needed_by_passed"
    INVALID_PRICE = "invalid_price"
    INVALID_VALIDITY = "invalid_validity"
    NOTE_TOO_LONG = "note_too_long"
    NO_ANSWER = "no_answer"
    NOT_OPEN = "not_open"
    NOT_ANSWERED = "not_answered"
    EXPIRED = "expired"
    ALREADY_DECIDED = "already_decided"
    ITEM_UNAVAILABLE = "item_unavailable"


MESSAGES: dict[QuoteErrorCode, LazyString] = {
    QuoteErrorCode.NOT_ALLOWED: _l("You cannot do this with this quote; nothing was changed."),
    QuoteErrorCode.NO_LINES: _l("Add at least one item: its code and how many you need."),
    QuoteErrorCode.TOO_MANY_LINES: _l("A quote asks for at most %(most)s items."),
    QuoteErrorCode.INVALID_QUANTITY: _l(
        "Enter a quantity of %(sku)s from 1 to %(most)s, in whole units."
    ),
    QuoteErrorCode.DUPLICATE_ITEM: _l(
        "%(sku)s is listed twice: give it once, with the whole quantity."
    ),
    QuoteErrorCode.UNKNOWN_ITEM: _l(
        "There is no product or combo %(sku)s. Check the code on its page."
    ),
    QuoteErrorCode.NOT_FOR_SALE: _l("%(sku)s (%(name)s) cannot be bought now: %(problem)s."),
    QuoteErrorCode.NEEDS_PACKAGING: _l(
        "%(sku)s (%(name)s) is sold in a choice of packaging and cannot be quoted as it is. "
        "Ask for its products instead and describe the packaging in your wishes."
    ),
    QuoteErrorCode.WISHES_TOO_LONG: _l("Write your wishes in at most %(most)s characters."),
    QuoteErrorCode.NEEDED_BY_PASSED: _l("Choose a needed-by date that has not passed."),
    QuoteErrorCode.INVALID_PRICE: _l(
        "Enter the unit price of %(item)s in whole đồng, from 1 to %(most)s."
    ),
    QuoteErrorCode.INVALID_VALIDITY: _l(
        "The price of %(item)s must hold until a day from today to %(last)s."
    ),
    QuoteErrorCode.NOTE_TOO_LONG: _l("Write the note on %(item)s in at most %(most)s characters."),
    QuoteErrorCode.NO_ANSWER: _l("Give a price and a validity date for at least one line."),
    QuoteErrorCode.NOT_OPEN: _l(
        "This quote is no longer waiting for prices (every line is answered, or the shop "
        "took it back); nothing was changed."
    ),
    QuoteErrorCode.NOT_ANSWERED: _l(
        "This quote cannot be accepted or declined: it does not have all its prices yet, "
        "or it was decided already."
    ),
    QuoteErrorCode.EXPIRED: _l(
        "The prices of this quote held until %(date)s. Ask for a new quote; nothing was ordered."
    ),
    QuoteErrorCode.ALREADY_DECIDED: _l(
        "This quote was accepted, declined or withdrawn meanwhile; nothing was ordered."
    ),
    QuoteErrorCode.ITEM_UNAVAILABLE: _l(
        "%(name)s cannot be ordered now (%(problem)s); nothing was ordered and the quote "
        "stays open. Try again later, or ask the producer."
    ),
}


class QuoteError(CodedError):
    """A quote could not be asked for, answered or decided; nothing was changed. `params`
    fill the message; `row` (when set) is the request's line the error is about."""

    code: QuoteErrorCode
    messages = MESSAGES

    def __init__(self, code: QuoteErrorCode, *, row: int | None = None, **params: object) -> None:
        super().__init__(code, **params)
        self.row = row
