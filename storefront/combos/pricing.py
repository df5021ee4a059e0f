"""A combo's price from the sum of its parts: fixed (never above the parts) or a percentage
off (money.percent_off's rounding), never below 1 đồng. The same rule in Python, for one
combo, and in SQL, so lists can filter and sort by it."""

from sqlalchemy import ColumnElement, case, literal

from storefront.combos.models import Combo, PriceMode
from storefront.money import percent_off


def combo_price(
    *, parts_vnd: int, mode: PriceMode, fixed_price_vnd: int | None, percent: int | None
) -> int:
    """What the combo costs when its parts cost `parts_vnd` together (0 for no parts).

    A fixed price above the parts (say a component got cheaper since) is capped at them.
    """
    if parts_vnd <= 0:
        return 0
    if mode is PriceMode.FIXED:
        return min(fixed_price_vnd or parts_vnd, parts_vnd)
    return max(1, percent_off(parts_vnd, percent or 0))


def combo_price_sql(parts_vnd: ColumnElement[int]) -> ColumnElement[int]:
    """combo_price as an SQL expression over a combo row and its parts' sum."""
    # `//` on integers is integer division in SQLite and PostgreSQL alike (operands >= 0).
    discounted = (parts_vnd * (100 - Combo.percent_off) + 50) // 100
    return case(
        (parts_vnd <= 0, literal(0)),
        (
            Combo.price_mode == PriceMode.FIXED,
            case(
                (Combo.fixed_price_vnd < parts_vnd, Combo.fixed_price_vnd),
                else_=parts_vnd,
            ),
        ),
        (discounted < 1, literal(1)),
        else_=discounted,
    )


class Saving:
    """What a combo saves on its parts bought separately, for the dataclasses that carry its
    `parts_vnd` and `price_vnd` (the offer, the builder's preview)."""

    parts_vnd: int
    price_vnd: int

    @property
    def saving_vnd(self) -> int:
        return self.parts_vnd - self.price_vnd

    @property
    def saving_percent(self) -> int:
        """The saving in whole per cent, rounded down (never overstated)."""
        return self.saving_vnd * 100 // self.parts_vnd if self.parts_vnd else 0
