"""Cart forms: add an item (with its packaging and gift wrapping), change a line, remove it."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, RadioField
from wtforms.validators import InputRequired, NumberRange, Optional

from storefront.cart.lines import WHOLESALE_LIMITS

# The most any buyer's line holds; a retail buyer's lower limit is cart.service's to check.
_MOST = WHOLESALE_LIMITS.max_quantity
_QUANTITY_MESSAGE = _l("Choose a quantity from 1 to %(most)s.", most=_MOST)


def _quantity(minimum: int) -> IntegerField:
    return IntegerField(
        _l("Quantity"),
        default=1,
        validators=[
            InputRequired(_QUANTITY_MESSAGE),
            NumberRange(min=minimum, max=_MOST, message=_QUANTITY_MESSAGE),
        ],
    )


class AddToCartForm(FlaskForm):
    item = HiddenField(validators=[InputRequired()])  # "p12" or "c3"
    quantity = _quantity(1)
    packaging = RadioField(
        _l("Packaging"), coerce=int, validators=[Optional()], validate_choice=False
    )
    wrap = RadioField(
        _l("Gift wrapping"), coerce=int, validators=[Optional()], validate_choice=False
    )


class LineForm(FlaskForm):
    key = HiddenField(validators=[InputRequired()])
    quantity = _quantity(0)


class RemoveLineForm(FlaskForm):
    key = HiddenField(validators=[InputRequired()])
