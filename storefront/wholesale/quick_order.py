"""Quick order: many lines, each an item code and a quantity (typed in the grid or read from
a CSV file), added to a shop member's cart one by one through cart.service.add_to_cart, so
every rule (stock, minimum order, certificate, the cart's limits) is the cart's own. A line
goes in whole or not at all, and the report says which, and why not.

The same code on several lines is added line by line, in order: a later line may then be
refused (for stock, say) because an earlier one took what there was.
"""

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from storefront.cart.errors import CartError, CartErrorCode
from storefront.cart.lines import WHOLESALE_LIMITS, ItemKind, LineKey
from storefront.cart.pricing import PricedLine, price_cart
from storefront.cart.service import add_to_cart
from storefront.cart.storage import CartStore
from storefront.catalog.models import Product
from storefront.coded_errors import CodedError
from storefront.combos.availability import ComboOffer, combo_offer, offer_loading
from storefront.combos.models import Combo, PackagingItem
from storefront.extensions import db
from storefront.wholesale.price_list import PriceList
from storefront.wholesale.skus import parse_sku

MAX_QUANTITY = WHOLESALE_LIMITS.max_quantity  # per line, as a shop's cart holds at most
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")

Item = tuple[ItemKind, int]  # what an item code names


class LineErrorCode(enum.StrEnum):
    """Why a line was not even tried: the values are the report's outcome codes."""

    WRONG_COLUMNS = "wrong_columns"
    BAD_QUOTES = "bad_quotes"
    NOT_A_CODE = "not_a_code"
    BAD_QUANTITY = "bad_quantity"
    NO_QUANTITY = "no_quantity"
    UNKNOWN_ITEM = "unknown_item"


MESSAGES: dict[LineErrorCode, LazyString] = {
    LineErrorCode.WRONG_COLUMNS: _l(
        "Malformed line: expected %(expected)s columns (code and quantity first), found %(found)s."
    ),
    LineErrorCode.BAD_QUOTES: _l(
        "Malformed line: it cannot be read as CSV; check its quotation marks."
    ),
    LineErrorCode.NOT_A_CODE: _l(
        "Malformed line: “%(sku)s” is not an item code (codes look like P00012 or C00003)."
    ),
    LineErrorCode.BAD_QUANTITY: _l(
        "Malformed line: the quantity must be a whole number from 1 to %(most)s."
    ),
    LineErrorCode.NO_QUANTITY: _l("Left out: no quantity."),
    LineErrorCode.UNKNOWN_ITEM: _l("Unknown item code: no product or combo has it."),
}


class LineError(CodedError):
    code: LineErrorCode
    messages = MESSAGES


@dataclass(frozen=True)
class OrderRow:
    """One line asked for: a CSV file's line (`line` its number) or a grid row (no number).
    `sku` and `quantity_text` are as written; `problem` says why the line is malformed."""

    line: int | None
    sku: str
    quantity_text: str
    item: Item | None = None
    quantity: int = 0
    problem: LineError | None = None


def order_row(line: int | None, sku: str, quantity_text: str) -> OrderRow:
    """The row for a code and a quantity as written: malformed (saying why) unless the code
    names an item and the quantity is a whole number from 1 to 9999; an empty quantity
    leaves the line out."""
    sku, quantity_text = sku.strip(), quantity_text.strip()
    item = parse_sku(sku)
    problem: LineError | None = None
    quantity = 0
    if item is None:
        problem = LineError(LineErrorCode.NOT_A_CODE, sku=sku)
    elif quantity_text == "":
        problem = LineError(LineErrorCode.NO_QUANTITY)
    elif _WHOLE_NUMBER.fullmatch(quantity_text) and 1 <= int(quantity_text) <= MAX_QUANTITY:
        quantity = int(quantity_text)
    else:
        problem = LineError(LineErrorCode.BAD_QUANTITY, most=MAX_QUANTITY)
    return OrderRow(line, sku, quantity_text, None if problem else item, quantity, problem)


def malformed_row(line: int, sku: str, quantity_text: str, problem: LineError) -> OrderRow:
    """A line the parser could not read as a code and a quantity at all."""
    return OrderRow(line, sku.strip(), quantity_text.strip(), problem=problem)


@dataclass(frozen=True)
class ReportLine:
    row: OrderRow
    reason: CodedError | None = None  # why it was not added; None when it was
    item: Product | Combo | None = None  # the item added
    packaging: PackagingItem | None = None  # the packaging an added combo comes in
    unit_price_vnd: int = 0  # what each unit costs in the cart now
    in_cart: int = 0  # the cart line's quantity after this line

    @property
    def added(self) -> bool:
        return self.reason is None

    @property
    def outcome(self) -> str:
        """ "added", or the code of the reason it was not."""
        return "added" if self.reason is None else self.reason.code.value

    def message(self) -> str:
        return "" if self.reason is None else self.reason.message()


@dataclass(frozen=True)
class QuickOrderReport:
    lines: list[ReportLine]

    @property
    def added(self) -> list[ReportLine]:
        return [line for line in self.lines if line.added]

    @property
    def refused(self) -> list[ReportLine]:
        """Lines not added, those left out for want of a quantity aside."""
        return [line for line in self.lines if not line.added and not self._left_out(line)]

    @property
    def left_out(self) -> list[ReportLine]:
        return [line for line in self.lines if self._left_out(line)]

    @staticmethod
    def _left_out(line: ReportLine) -> bool:
        return line.outcome == LineErrorCode.NO_QUANTITY


def packed_in(offer: ComboOffer) -> PackagingItem | None:
    """The packaging a combo ordered by its code comes in: the first it offers that is in
    stock, as its page chooses first; None when it offers none (or none is in stock)."""
    return next((o.item for o in offer.packaging if offer.stock_with(o.item.id) > 0), None)


def _line_keys(items: set[Item], *, today: date) -> dict[Item, LineKey]:
    """Each item's cart line key: a combo that offers packaging goes in its first in stock."""
    combo_ids = {item_id for kind, item_id in items if kind is ItemKind.COMBO}
    packaging: dict[int, int | None] = {}
    if combo_ids:
        combos = db.session.scalars(
            select(Combo)
            .where(Combo.id.in_(combo_ids))
            .options(joinedload(Combo.owner), *offer_loading())
        ).unique()
        for combo in combos:
            chosen = packed_in(combo_offer(combo, today=today))
            packaging[combo.id] = chosen.id if chosen else None
    return {
        (kind, item_id): LineKey(kind, item_id, packaging.get(item_id))
        if kind is ItemKind.COMBO
        else LineKey(kind, item_id)
        for kind, item_id in items
    }


def _refusal(error: CartError) -> CodedError:
    if error.code is CartErrorCode.NOT_FOUND:
        return LineError(LineErrorCode.UNKNOWN_ITEM)
    return error


def add_rows(
    store: CartStore, rows: Sequence[OrderRow], *, today: date, prices: PriceList
) -> QuickOrderReport:
    """Add each well-formed row to the cart in `store`, in order, through add_to_cart, and
    report every row: added (with the item, its unit price in the cart now, and the line's
    quantity there), or why not. Flushes; the caller commits."""
    keys = _line_keys({row.item for row in rows if row.item is not None}, today=today)
    attempts: list[tuple[OrderRow, CodedError | None, int]] = []
    for row in rows:
        if row.item is None or row.problem is not None:
            attempts.append(
                (row, row.problem or LineError(LineErrorCode.NOT_A_CODE, sku=row.sku), 0)
            )
            continue
        try:
            in_cart = add_to_cart(store, keys[row.item], row.quantity, today=today, prices=prices)
        except CartError as error:
            attempts.append((row, _refusal(error), 0))
        else:
            attempts.append((row, None, in_cart))
    priced: dict[LineKey, PricedLine] = {}
    if any(reason is None for _, reason, _ in attempts):
        cart = price_cart(store.lines(), today=today, prices=prices)
        priced = {line.key: line for line in cart.lines}
    return QuickOrderReport(
        [_reported(row, reason, in_cart, keys, priced) for row, reason, in_cart in attempts]
    )


def _reported(
    row: OrderRow,
    reason: CodedError | None,
    in_cart: int,
    keys: dict[Item, LineKey],
    priced: dict[LineKey, PricedLine],
) -> ReportLine:
    if reason is not None or row.item is None:
        return ReportLine(row, reason)
    line = priced[keys[row.item]]
    return ReportLine(
        row,
        item=line.item,
        packaging=line.packaging,
        unit_price_vnd=line.unit_price_vnd,
        in_cart=in_cart,
    )
