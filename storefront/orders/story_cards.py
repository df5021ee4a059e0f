"""The story card of a combo as the buyer ordered it: its story and place, the products as
they were bought, and the buyer's gift message, to print and slip into the parcel."""

from dataclasses import replace

from sqlalchemy.orm import joinedload

from storefront.combos.detail import CardSide, story_card_sides
from storefront.combos.models import Combo
from storefront.extensions import db
from storefront.orders.models import LineKind, Order


def order_card(order: Order, position: int) -> tuple[Combo, list[CardSide]] | None:
    """The combo of the order's line at `position` and its card's halves, or None when the
    line is not a combo or the combo no longer exists."""
    line = next((line for line in order.lines if line.position == position), None)
    if line is None or line.kind is not LineKind.COMBO or line.combo_id is None:
        return None
    combo = db.session.get(Combo, line.combo_id, options=[joinedload(Combo.heritage)])
    if combo is None:
        return None
    bought = {
        "vi": [(c.quantity, c.name) for c in line.components],
        "en": [(c.quantity, c.name_en or c.name) for c in line.components],
    }
    names = {"vi": line.name, "en": line.name_en or line.name}
    sides = [
        replace(side, name=names[side.lang], items=bought[side.lang])
        for side in story_card_sides(combo)
    ]
    return combo, sides
