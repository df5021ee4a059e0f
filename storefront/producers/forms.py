"""Producer forms. Each reads only the fields it shows: status, members and decisions never."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from storefront.producers.business_fields import phone_field, tax_code_field
from storefront.producers.models import ProducerKind
from storefront.producers.onboarding import Application
from storefront.producers.place_fields import PlaceFields


class ApplicationForm(PlaceFields, FlaskForm):
    """The producer application, with the province and ward of its address."""

    name = StringField(
        _l("Producer name"),
        description=_l("As on your business registration, e.g. Hợp tác xã Khóm Cầu Đúc."),
        validators=[
            DataRequired(_l("Enter the producer's name.")),
            Length(max=200, message=_l("A name has at most 200 characters.")),
        ],
        render_kw={"autocomplete": "organization"},
    )
    kind = SelectField(
        _l("Kind"),
        choices=[
            SelectChoice(ProducerKind.ENTERPRISE.value, _l("Enterprise")),
            SelectChoice(ProducerKind.COOPERATIVE.value, _l("Cooperative")),
            SelectChoice(ProducerKind.HOUSEHOLD.value, _l("Household business")),
        ],
    )
    tax_code = tax_code_field()
    address = StringField(
        _l("Address"),
        description=_l("House number, street, hamlet."),
        validators=[
            DataRequired(_l("Enter the address.")),
            Length(max=300, message=_l("An address has at most 300 characters.")),
        ],
        render_kw={"autocomplete": "street-address"},
    )
    phone = phone_field(_l("Phone"))
    story = TextAreaField(
        _l("Your story"),
        description=_l("Who you are, what you make and where: shoppers read this."),
        validators=[Length(max=5000, message=_l("The story has at most 5000 characters."))],
        render_kw={"rows": 6},
    )
    logo = FileField(
        _l("Logo (optional)"),
        description=_l("A JPEG, PNG or WebP picture of at most 5 MB."),
        render_kw={"accept": "image/jpeg,image/png,image/webp"},
    )

    def application(self) -> Application:
        return Application(
            name=self.name.data,
            kind=ProducerKind(self.kind.data),
            tax_code=self.tax_code.data,
            province_code=self.province_code,
            ward_code=self.ward_code,
            address=self.address.data,
            phone=self.phone.data,
            story=self.story.data or "",
        )


class NoteForm(FlaskForm):
    """An approval, with an optional note to the applicant."""

    note = TextAreaField(
        _l("Note to the applicant (optional)"),
        validators=[Optional(), Length(max=2000, message=_l("At most 2000 characters."))],
    )


class ReasonForm(FlaskForm):
    """A rejection or a suspension: the reason is required."""

    reason = TextAreaField(
        _l("Reason"),
        validators=[
            DataRequired(_l("Give the reason: the producer will read it.")),
            Length(max=2000, message=_l("At most 2000 characters.")),
        ],
    )
