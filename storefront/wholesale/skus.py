"""Item codes (SKUs) shops order by: "P00012" for product 12, "C00003" for combo 3. Shown
on product and combo pages, in the quick-order grid and its CSV; read back in any case,
with or without the leading zeros."""

import re

from storefront.cart.lines import ItemKind
from storefront.catalog.models import Product
from storefront.combos.models import Combo

_SKU = re.compile(r"([PC])0*([1-9][0-9]{0,8})", re.IGNORECASE)


def sku_of(item: Product | Combo) -> str:
    return f"{'P' if isinstance(item, Product) else 'C'}{item.id:05d}"


def parse_sku(text: str) -> tuple[ItemKind, int] | None:
    """The item a code names, or None when it is not a code at all."""
    match = _SKU.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        return None
    kind = ItemKind.PRODUCT if match.group(1).upper() == "P" else ItemKind.COMBO
    return kind, int(match.group(2))
