"""What a shop member is shown of its wholesale terms beside the retail price everyone sees:
a card's badge, an item page's tier table and order quantities, a cart line's note. Every
price here comes from the buyer's WholesaleTerms (price, table, next_tier); this module only
sets it beside retail. A retail buyer has no terms, so gets none of these."""

from dataclasses import dataclass

from storefront.cart.pricing import PricedLine
from storefront.catalog.pricing import Tier
from storefront.wholesale.price_list import PriceList, WholesaleTerms


@dataclass(frozen=True)
class Badge:
    """ "Wholesale from 80.000 ₫ · min 10" on a card."""

    lowest_vnd: int  # the best unit price the tiers offer
    min_quantity: int
    retail_vnd: int

    @property
    def discounted(self) -> bool:
        return self.lowest_vnd < self.retail_vnd


@dataclass(frozen=True)
class TierRow:
    """From `min_quantity` units on, each costs `unit_price_vnd` (retail for comparison)."""

    min_quantity: int
    unit_price_vnd: int
    retail_vnd: int

    @property
    def saving_percent(self) -> int:
        """The saving on retail in whole per cent, rounded down (never overstated)."""
        if self.retail_vnd <= 0:
            return 0
        return (self.retail_vnd - self.unit_price_vnd) * 100 // self.retail_vnd


@dataclass(frozen=True)
class ItemTerms:
    """An item page's wholesale box: the tier table and the fewest units per order."""

    min_quantity: int
    rows: list[TierRow]
    retail_vnd: int


@dataclass(frozen=True)
class OrderQuantity:
    """The add-to-cart quantity a buyer may choose: from `minimum` (also the default)."""

    minimum: int
    maximum: int


@dataclass(frozen=True)
class LineNote:
    """What a shop's cart line says: its price for this quantity, the next tier's saving
    ("order 50 for 85.000 ₫ each") and the minimum order."""

    quantity: int
    discounted: bool  # the line is priced below retail
    retail_unit_vnd: int  # one unit of the line at retail, packaging and wrapping included
    next_tier: Tier | None
    min_quantity: int


def badge(terms: WholesaleTerms | None, retail_vnd: int) -> Badge | None:
    if terms is None:
        return None
    table = terms.table(retail_vnd)
    return Badge(min(row.unit_price_vnd for row in table), terms.min_quantity, retail_vnd)


def item_terms(terms: WholesaleTerms | None, retail_vnd: int) -> ItemTerms | None:
    if terms is None:
        return None
    rows = [TierRow(t.min_quantity, t.unit_price_vnd, retail_vnd) for t in terms.table(retail_vnd)]
    return ItemTerms(terms.min_quantity, rows, retail_vnd)


def order_quantity(prices: PriceList, terms: WholesaleTerms | None) -> OrderQuantity:
    """From the item's minimum order (1 without terms) up to the buyer's line limit."""
    most = prices.limits.max_quantity
    return OrderQuantity(min(terms.min_quantity, most) if terms else 1, most)


def line_note(line: PricedLine) -> LineNote | None:
    """The note of a line priced on a shop's terms; None for a retail line."""
    if line.terms is None:
        return None
    extras = line.unit_price_vnd - line.item_price_vnd  # packaging and wrapping
    return LineNote(
        quantity=line.quantity,
        discounted=line.item_price_vnd < line.retail_price_vnd,
        retail_unit_vnd=line.retail_price_vnd + extras,
        next_tier=line.next_tier,
        min_quantity=line.terms.min_quantity,
    )
