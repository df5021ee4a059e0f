"""The templates' door to a signed-in shop's prices: `shop_badge(item, retail_vnd)` on cards,
and `buys_wholesale()` for the header's link to the shop's pages.

The view that renders a grid of cards loads the terms of every item on it first, in one go
(`current_price_list().load(products=..., combos=...)`), so the badges cost no query; for
a retail buyer there are no terms and no badge.
"""

from storefront.cart.lines import ItemKind
from storefront.catalog.models import Product
from storefront.combos.models import Combo
from storefront.wholesale.price_list import current_price_list
from storefront.wholesale.shop_prices import Badge, badge
from storefront.wholesale.views import bp


@bp.app_template_global()
def shop_badge(item: Product | Combo, retail_vnd: int) -> Badge | None:
    """The signed-in shop's badge for a card's item; None for everyone else."""
    prices = current_price_list()
    if not prices.wholesale:
        return None
    kind = ItemKind.PRODUCT if isinstance(item, Product) else ItemKind.COMBO
    return badge(prices.terms(kind, item.id), retail_vnd)


@bp.app_template_global()
def buys_wholesale() -> bool:
    """The visitor is a member of an approved shop: the header links to its pages."""
    return current_price_list().wholesale
