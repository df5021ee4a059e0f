"""The shop owner's invitation form (the Revoke, Remove and Join buttons send only the
CSRF token that the app checks on every POST)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField
from wtforms.validators import DataRequired, Length

from storefront.wholesale.members import INVITATION_DAYS


class InviteForm(FlaskForm):
    email = EmailField(
        _l("E-mail address"),
        description=_l(
            "We e-mail them a link to join your shop; it works for %(days)s days.",
            days=INVITATION_DAYS,
        ),
        validators=[
            DataRequired(_l("Enter the e-mail address of the person to invite.")),
            Length(max=254, message=_l("An e-mail address has at most 254 characters.")),
        ],
        render_kw={"autocomplete": "off", "spellcheck": "false"},
    )
