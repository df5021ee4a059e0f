"""The province and ward fields of a form about a place. The ward list holds the wards of the
chosen province; `choose_province` re-shows the form with them (the page's script presses it)."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from storefront.producers.places import province_choices, ward_choices


def _code(value: str | None) -> int:
    """A posted province or ward code; 0 (no such unit) when it is not a number."""
    return int(value) if value and value.isascii() and value.isdigit() else 0


class PlaceFields:
    """Mix into a FlaskForm, before it: `class F(PlaceFields, FlaskForm)`."""

    province = SelectField(
        _l("Province or city"),
        validators=[DataRequired(_l("Choose a province or city."))],
        validate_choice=False,  # the use case checks the codes, with its own messages
    )
    choose_province = SubmitField(_l("Show its wards"))
    ward = SelectField(
        _l("Ward or commune"),
        validators=[DataRequired(_l("Choose a ward or commune."))],
        validate_choice=False,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        provinces = [SelectChoice(str(code), name) for code, name in province_choices()]
        self.province.choices = [SelectChoice("", _("Choose a province or city")), *provinces]
        wards = [SelectChoice(str(code), name) for code, name in ward_choices(self.province_code)]
        blank = _("Choose a ward or commune") if wards else _("Choose the province first")
        self.ward.choices = [SelectChoice("", blank), *wards]

    @property
    def province_code(self) -> int:
        return _code(self.province.data)

    @property
    def ward_code(self) -> int:
        return _code(self.ward.data)
