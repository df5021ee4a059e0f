"""The producer's form for an item's wholesale terms: the minimum order and up to MAX_TIERS
rows of (from quantity, unit price). It only reads what was typed, leaving out empty rows;
wholesale.tiers.check_tiers judges the terms."""

from collections.abc import Sequence

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import FieldList, Form, FormField, IntegerField
from wtforms.validators import NumberRange, Optional

from storefront.catalog.pricing import Tier
from storefront.combos.forms import VndField
from storefront.wholesale.models import WholesaleOffer
from storefront.wholesale.tiers import MAX_TIERS

# Rows read past the ones shown, so that a post of too many is refused, not cut short.
MAX_ROWS = MAX_TIERS + 5

QUANTITY_MESSAGE = _l("Enter the quantity as a whole number of units, such as 50.")
PRICE_MESSAGE = _l("Enter the unit price in whole đồng, such as 85.000.")
PRICE_ABOVE_ZERO_MESSAGE = _l("Enter a unit price above 0 đồng.")
BOTH_MESSAGE = _l("Enter both the quantity and the unit price of this tier, or neither.")


class QuantityField(IntegerField):
    """A whole number of units; anything else is refused in our words."""

    def process_formdata(self, valuelist: list[str]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(QUANTITY_MESSAGE) from None


class UnitPriceField(VndField):
    """Whole đồng as people write them ("85000", "85.000"); anything else refused in our words."""

    def process_formdata(self, valuelist: list[str]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(PRICE_MESSAGE) from None


class MinimumField(IntegerField):
    """The minimum order. What is not a whole number reads as 0, which the rules refuse in
    their words (wholesale.tiers.check_tiers)."""

    def process_formdata(self, valuelist: list[str]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = 0


class TierRowForm(Form):
    """One tier: both fields, or neither (an empty row is left out)."""

    min_quantity = QuantityField(
        _l("From (units)"), validators=[Optional()], render_kw={"inputmode": "numeric"}
    )
    unit_price_vnd = UnitPriceField(
        _l("Unit price (đồng)"),
        validators=[
            Optional(),
            NumberRange(min=1, message=PRICE_ABOVE_ZERO_MESSAGE),
        ],
        render_kw={"inputmode": "numeric"},
    )

    def validate(self, extra_validators: dict | None = None) -> bool:
        valid = super().validate(extra_validators)
        quantity, price = self.min_quantity, self.unit_price_vnd
        if valid and (quantity.data is None) != (price.data is None):
            (quantity if quantity.data is None else price).errors.append(BOTH_MESSAGE)
            return False
        return valid

    @property
    def filled(self) -> bool:
        return self.min_quantity.data is not None and self.unit_price_vnd.data is not None


class TierTermsForm(FlaskForm):
    """An item's wholesale terms as the producer types them."""

    min_quantity = MinimumField(
        _l("Minimum order (units)"),
        description=_l("The fewest units a shop may order at once; 1 for no minimum."),
        render_kw={"inputmode": "numeric"},
    )
    tiers = FieldList(FormField(TierRowForm), min_entries=MAX_TIERS, max_entries=MAX_ROWS)

    @classmethod
    def filled_from(cls, offer: WholesaleOffer | None) -> "TierTermsForm":
        """The form showing the item's saved terms (a minimum of 1 and no tiers when none)."""
        if offer is None:
            return cls(formdata=None, data={"min_quantity": 1})
        rows = [
            {"min_quantity": t.min_quantity, "unit_price_vnd": t.unit_price_vnd}
            for t in offer.tiers
        ]
        return cls(formdata=None, data={"min_quantity": offer.min_quantity, "tiers": rows})

    def minimum(self) -> int:
        return self.min_quantity.data if self.min_quantity.data is not None else 0

    def filled_rows(self) -> list[TierRowForm]:
        """The rows with a tier in them, in the order shown."""
        return [entry.form for entry in self.tiers if entry.form.filled]

    def entered_tiers(self) -> list[Tier]:
        return tiers_of(self.filled_rows())


def tiers_of(rows: Sequence[TierRowForm]) -> list[Tier]:
    return [Tier(row.min_quantity.data, row.unit_price_vnd.data) for row in rows]
