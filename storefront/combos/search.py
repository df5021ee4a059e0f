"""A combo's search text, folded like the products' (catalog.search): its names, heritage,
owner, locality, and each component's product and producer. It is refreshed when the combo
is saved (index_combo) and, on every flush, when one of those parts is renamed or moved."""

from sqlalchemy import event, inspect, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from storefront.catalog.models import Product
from storefront.catalog.search import search_texts
from storefront.combos.models import Combo, ComboComponent, Heritage
from storefront.producers.models import Producer

# The attributes of other rows that a combo's search text is made of.
_WATCHED = {
    Product: ("name", "name_en"),
    Producer: ("name", "province_code", "ward_code"),
    Heritage: ("name", "name_en", "province_code", "ward_code"),
}


def index_combo(combo: Combo) -> None:
    """Refresh the combo's search text; call after changing any of the parts it is made of."""
    parts = [combo.name, combo.name_en or "", combo.owner.name, combo.owner.locality]
    if combo.heritage is not None:
        parts += [combo.heritage.name, combo.heritage.name_en or "", combo.heritage.locality]
    for component in combo.components:
        parts += [component.product.name, component.product.name_en or "", component.producer.name]
    combo.search_text, combo.search_folded = search_texts(parts)


def _renamed(session: Session) -> dict[type, list[int]]:
    found: dict[type, list[int]] = {}
    for row in session.dirty:
        names = _WATCHED.get(type(row))
        state = inspect(row)
        if names and any(state.attrs[name].history.has_changes() for name in names):
            found.setdefault(type(row), []).append(row.id)
    return found


@event.listens_for(Session, "before_flush")
def _reindex_combos_of_renamed_parts(session: Session, context: object, instances: object) -> None:
    renamed = _renamed(session)
    if not renamed:
        return
    uses = [
        Combo.id.in_(
            select(ComboComponent.combo_id).where(
                ComboComponent.product_id.in_(renamed.get(Product, []))
            )
        ),
        Combo.id.in_(
            select(ComboComponent.combo_id).where(
                ComboComponent.producer_id.in_(renamed.get(Producer, []))
            )
        ),
        Combo.owner_id.in_(renamed.get(Producer, [])),
        Combo.heritage_id.in_(renamed.get(Heritage, [])),
    ]
    loading = [
        joinedload(Combo.owner),
        joinedload(Combo.heritage),
        selectinload(Combo.components).options(
            joinedload(ComboComponent.product), joinedload(ComboComponent.producer)
        ),
    ]
    with session.no_autoflush:
        for combo in session.scalars(select(Combo).where(or_(*uses)).options(*loading)).unique():
            index_combo(combo)
