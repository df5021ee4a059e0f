"""Staff's refund form: how much of the card payment to give back, and why."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange
from wtforms.widgets import HiddenInput


class RefundForm(FlaskForm):
    # What was refunded when the form was shown: a press on an older view is refused.
    refunded_before = IntegerField(
        widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=0)]
    )
    amount_vnd = IntegerField(
        _l("Amount to refund (₫)"),
        validators=[
            InputRequired(_l("Enter the amount to refund, in đồng.")),
            NumberRange(min=1, message=_l("Enter an amount of at least 1 ₫.")),
        ],
        render_kw={"inputmode": "numeric"},
    )
    reason = StringField(
        _l("Reason"),
        validators=[
            DataRequired(_l("Say why, for the buyer and the order's history.")),
            Length(max=300, message=_l("At most 300 characters.")),
        ],
    )
