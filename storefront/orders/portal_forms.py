"""The producer's forms on its part of an order: packed, shipped (carrier and tracking
number), delivered (for cash on delivery, the cash collected)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

# Offered as suggestions; any other carrier may be typed.
CARRIERS = (
    "GHN",
    "GHTK",
    "Viettel Post",
    "VNPost",
    "J&T Express",
    "Ninja Van",
    "Best Express",
    "SPX Express",
)
MAX_CASH_VND = 1_000_000_000


class PackForm(FlaskForm):
    """Only its CSRF token: packing needs no details."""


class ShipForm(FlaskForm):
    carrier = StringField(
        _l("Carrier"),
        validators=[
            DataRequired(_l("Give the carrier.")),
            Length(max=60, message=_l("At most 60 characters.")),
        ],
        render_kw={"list": "carriers", "autocomplete": "off"},
    )
    tracking_number = StringField(
        _l("Tracking number"),
        validators=[
            DataRequired(_l("Give the tracking number.")),
            Length(max=60, message=_l("At most 60 characters.")),
        ],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )


class DeliverForm(FlaskForm):
    """Delivered, for an order paid beforehand: nothing to fill in."""


class CashDeliverForm(DeliverForm):
    """Delivered, for cash on delivery: the cash its courier collected."""

    cash_collected_vnd = IntegerField(
        _l("Cash collected (₫)"),
        description=_l("What the courier collected in cash, in đồng; 0 when nothing."),
        validators=[
            InputRequired(_l("Give the cash the courier collected, in đồng.")),
            NumberRange(min=0, max=MAX_CASH_VND, message=_l("Give an amount in đồng.")),
        ],
        render_kw={"inputmode": "numeric", "min": 0},
    )
