"""Changing a cart: add, set a quantity, remove, and merge a guest's cart at sign-in.

The functions change the store they are given and flush; the view commits (an account
cart) or lets the session carry the change (a guest cart).
"""

from datetime import date

from storefront.cart.errors import CartError, CartErrorCode
from storefront.cart.lines import MAX_LINES, MAX_QUANTITY, RETAIL_LIMITS, CartLimits, LineKey, Lines
from storefront.cart.pricing import LineProblem, PricedLine, price_cart
from storefront.cart.storage import CartStore
from storefront.wholesale.price_list import RETAIL, PriceList

_REFUSALS = {
    LineProblem.NO_LONGER_SOLD: CartErrorCode.NOT_FOR_SALE,
    LineProblem.NOT_CERTIFIED: CartErrorCode.NOT_FOR_SALE,
    LineProblem.CERTIFICATE_EXPIRED: CartErrorCode.NOT_FOR_SALE,
    LineProblem.SOLD_OUT: CartErrorCode.SOLD_OUT,
    LineProblem.PACKAGING_UNAVAILABLE: CartErrorCode.PACKAGING_UNAVAILABLE,
    LineProblem.WRAP_UNAVAILABLE: CartErrorCode.WRAP_UNAVAILABLE,
}


def _check_quantity(quantity: int, limits: CartLimits) -> None:
    if not 1 <= quantity <= limits.max_quantity:
        raise CartError(CartErrorCode.INVALID_QUANTITY, most=limits.max_quantity)


def _priced(key: LineKey, quantity: int, *, today: date, prices: PriceList) -> PricedLine:
    priced = price_cart({key: quantity}, today=today, prices=prices)
    if not priced.lines:
        raise CartError(CartErrorCode.NOT_FOUND)
    return priced.lines[0]


def add_to_cart(
    store: CartStore, key: LineKey, quantity: int, *, today: date, prices: PriceList = RETAIL
) -> int:
    """Add `quantity` of the item `key` names to the cart; the line's quantity after.

    Raises CartError when the item cannot be bought now (saying why), when the line would
    hold more than the buyer's limit (99 retail) or more than is in stock, fewer than a
    shop's minimum order, or when the cart is full.
    """
    limits = prices.limits
    _check_quantity(quantity, limits)
    lines = store.lines()
    if key not in lines and len(lines) >= limits.max_lines:
        raise CartError(CartErrorCode.TOO_MANY_LINES, most=limits.max_lines)
    wanted = lines.get(key, 0) + quantity
    if wanted > limits.max_quantity:
        raise CartError(CartErrorCode.TOO_MANY, most=limits.max_quantity)
    line = _priced(key, wanted, today=today, prices=prices)
    if line.problem in _REFUSALS:
        raise CartError(_REFUSALS[line.problem])
    if line.problem is LineProblem.ONLY_FEW_LEFT:
        raise CartError(CartErrorCode.NOT_ENOUGH_STOCK, available=line.available)
    if line.problem is LineProblem.BELOW_MINIMUM and line.terms is not None:
        raise CartError(CartErrorCode.BELOW_MINIMUM, minimum=line.terms.min_quantity)
    store.put(key, wanted)
    return wanted


def set_quantity(
    store: CartStore, key: LineKey, quantity: int, *, limits: CartLimits = RETAIL_LIMITS
) -> None:
    """Set a line's quantity (0 removes it). A line not in the cart is left alone: the
    page it was changed on was older than the cart. Stock and minimum orders are judged
    on the cart page, which says what is wrong. Raises CartError for a quantity outside
    0..the buyer's limit."""
    if quantity != 0:
        _check_quantity(quantity, limits)
    if key in store.lines():
        store.put(key, quantity)


def remove_line(store: CartStore, key: LineKey) -> None:
    store.put(key, 0)


def merge_carts(guest: Lines, into: CartStore) -> None:
    """Add a guest's lines to a signed-in user's cart: quantities of the same line add up
    (at most 99), and lines beyond the cart's room are left out."""
    lines = into.lines()
    for key, quantity in guest.items():
        if key not in lines and len(lines) >= MAX_LINES:
            continue
        lines[key] = min(lines.get(key, 0) + quantity, MAX_QUANTITY)
        into.put(key, lines[key])


def item_count(lines: Lines) -> int:
    """The number shown in the header: units of every line, as the cart holds them."""
    return sum(lines.values())
