"""A combo's search text, folded like the products' (catalog.search): its names, kind,
heritage, owner, locality, and each component's product and producer."""

from storefront.catalog.search import search_texts
from storefront.combos.models import Combo


def index_combo(combo: Combo) -> None:
    """Refresh the combo's search text; call after changing any of the parts it is made of."""
    parts = [combo.name, combo.name_en or "", combo.owner.name, combo.owner.locality]
    if combo.heritage is not None:
        parts += [combo.heritage.name, combo.heritage.name_en or "", combo.heritage.locality]
    for component in combo.components:
        parts += [component.product.name, component.product.name_en or "", component.producer.name]
    combo.search_text, combo.search_folded = search_texts(parts)
