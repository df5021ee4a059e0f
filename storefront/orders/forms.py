"""The guest's order lookup form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from storefront.accounts.forms import email_field


class LookupForm(FlaskForm):
    number = StringField(
        _l("Order number"),
        validators=[
            DataRequired(_l("Enter the order number, e.g. OCOP-26-000123.")),
            Length(max=20, message=_l("An order number looks like OCOP-26-000123.")),
        ],
        description=_l("It is in your confirmation e-mail, e.g. OCOP-26-000123."),
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
    email = email_field(_l("E-mail address"))
