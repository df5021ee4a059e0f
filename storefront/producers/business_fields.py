"""Fields a business fills in when it applies, shared by producers and wholesale shops:
its tax code (MST) and a Vietnamese phone number."""

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from wtforms import StringField, TelField
from wtforms.validators import DataRequired, Length


def tax_code_field() -> StringField:
    return StringField(
        _l("Tax code (MST)"),
        description=_l("10 digits, or 13 for a branch: 0123456789-001."),
        validators=[
            DataRequired(_l("Enter the tax code.")),
            Length(max=20, message=_l("A tax code has 10 or 13 digits.")),
        ],
        render_kw={"inputmode": "numeric", "spellcheck": "false"},
    )


def phone_field(label: LazyString) -> TelField:
    return TelField(
        label,
        description=_l("A Vietnamese number, such as 0912 345 678."),
        validators=[
            DataRequired(_l("Enter a phone number.")),
            Length(max=30, message=_l("That phone number is too long.")),
        ],
        render_kw={"autocomplete": "tel", "inputmode": "tel"},
    )
