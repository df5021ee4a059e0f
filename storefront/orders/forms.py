"""The guest's order lookup form; staff's forms to move an order and to note on it."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
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


class MoveForm(FlaskForm):
    """Staff move an order by hand; the choices are the moves allowed now."""

    # Checked against the moves allowed now by the view, with the state machine's message.
    to = SelectField(
        _l("New status"),
        validators=[DataRequired(_l("Choose the new status."))],
        choices=[],
        validate_choice=False,
    )
    reason = StringField(
        _l("Reason"),
        validators=[
            DataRequired(_l("Say why: it goes into the order's history.")),
            Length(max=300, message=_l("At most 300 characters.")),
        ],
    )


class NoteForm(FlaskForm):
    body = TextAreaField(
        _l("Internal note"),
        validators=[
            DataRequired(_l("Write the note first.")),
            Length(max=2000, message=_l("At most 2000 characters.")),
        ],
        description=_l("Only staff see notes: not the buyer, not the producers."),
    )
