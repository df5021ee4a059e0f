"""The stock form of the producer portal: set or adjust, always with a reason."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from storefront.inventory.service import StockChange

MAX_CHANGE = 1_000_000


class StockForm(FlaskForm):
    change = SelectField(
        _l("Change"),
        choices=[
            SelectChoice(StockChange.ADJUST.value, _l("Add or remove (−)")),
            SelectChoice(StockChange.SET.value, _l("Set to (after a count)")),
        ],
        validate_choice=True,
    )
    amount = IntegerField(
        _l("Quantity"),
        validators=[
            InputRequired(_l("Enter a quantity.")),
            NumberRange(min=-MAX_CHANGE, max=MAX_CHANGE, message=_l("That quantity is too large.")),
        ],
        render_kw={"inputmode": "numeric"},
    )
    reason = StringField(
        _l("Reason"),
        description=_l("Such as “new harvest”, “damaged in transport”, “monthly count”."),
        validators=[
            DataRequired(_l("Give a reason for the change.")),
            Length(max=200, message=_l("At most 200 characters.")),
        ],
    )
