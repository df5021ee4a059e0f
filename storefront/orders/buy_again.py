"""Buying an order again: its lines go back into the cart at today's prices, with a word
on each line whose price changed and each that cannot be bought now."""

from dataclasses import dataclass, field
from datetime import date

from storefront.cart.errors import CartError
from storefront.cart.lines import ItemKind, LineKey
from storefront.cart.pricing import price_cart
from storefront.cart.service import add_to_cart
from storefront.cart.storage import CartStore
from storefront.i18n import localized
from storefront.orders.models import LineKind, Order, OrderLine
from storefront.wholesale.price_list import RETAIL, PriceList


@dataclass
class BuyAgain:
    added: int = 0
    repriced: list[tuple[str, int, int]] = field(default_factory=list)  # name, then, now
    missing: list[tuple[str, str]] = field(default_factory=list)  # name, why


def _key(line: OrderLine) -> LineKey:
    if line.kind is LineKind.PRODUCT:
        return LineKey(ItemKind.PRODUCT, line.product_id, wrap_id=line.wrap_item_id)
    return LineKey(ItemKind.COMBO, line.combo_id, line.packaging_item_id, line.wrap_item_id)


def buy_again(
    order: Order, store: CartStore, *, today: date, prices: PriceList = RETAIL
) -> BuyAgain:
    """Add each of the order's lines to the cart, as the cart's own form would (so what
    cannot be bought now, or not in that number, is refused with its reason), at the
    buyer's prices today: a shop's reorder is priced on its tiers. Flushes."""
    report = BuyAgain()
    for line in order.lines:
        key, name = _key(line), localized(line, "name")
        try:
            add_to_cart(store, key, line.quantity, today=today, prices=prices)
        except CartError as error:
            report.missing.append((name, error.message()))
            continue
        report.added += 1
        [now] = price_cart({key: line.quantity}, today=today, prices=prices).lines
        if now.unit_price_vnd != line.unit_price_vnd:
            report.repriced.append((name, line.unit_price_vnd, now.unit_price_vnd))
    return report
