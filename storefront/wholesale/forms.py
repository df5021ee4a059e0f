"""Wholesale forms. Each reads only the fields it shows: status, terms and decisions never."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, NumberRange, Optional

from storefront.producers.business_fields import phone_field, tax_code_field
from storefront.producers.place_fields import PlaceFields
from storefront.wholesale.models import ShopKind
from storefront.wholesale.onboarding import ShopApplication
from storefront.wholesale.terms import MAX_CREDIT_LIMIT_VND, PAYMENT_TERMS_DAYS


class ShopApplicationForm(PlaceFields, FlaskForm):
    """The shop application, with the province and ward of its address."""

    name = StringField(
        _l("Business name"),
        description=_l("As on your business registration, e.g. Công ty TNHH Quà Quê."),
        validators=[
            DataRequired(_l("Enter the business name.")),
            Length(max=200, message=_l("A name has at most 200 characters.")),
        ],
        render_kw={"autocomplete": "organization"},
    )
    kind = SelectField(
        _l("Kind of business"),
        choices=[
            SelectChoice(ShopKind.SOUVENIR_SHOP.value, _l("Souvenir shop")),
            SelectChoice(ShopKind.HOTEL_GIFT_CORNER.value, _l("Hotel gift corner")),
            SelectChoice(ShopKind.TOUR_OPERATOR.value, _l("Tour operator")),
            SelectChoice(ShopKind.OTHER.value, _l("Other tourism business")),
        ],
        validators=[
            AnyOf(
                [kind.value for kind in ShopKind],
                message=_l("Choose the kind of business from the list."),
            )
        ],
        validate_choice=False,  # AnyOf says it in our words
    )
    tax_code = tax_code_field()
    address = StringField(
        _l("Street address"),
        description=_l("House number and street."),
        validators=[
            DataRequired(_l("Enter the street address.")),
            Length(max=300, message=_l("An address has at most 300 characters.")),
        ],
        render_kw={"autocomplete": "street-address"},
    )
    contact_name = StringField(
        _l("Contact person"),
        description=_l("Who our staff and producers should ask for."),
        validators=[
            DataRequired(_l("Enter the name of the contact person.")),
            Length(max=120, message=_l("A name has at most 120 characters.")),
        ],
        render_kw={"autocomplete": "name"},
    )
    contact_phone = phone_field(_l("Contact phone"))

    def application(self) -> ShopApplication:
        return ShopApplication(
            name=self.name.data,
            kind=ShopKind(self.kind.data),
            tax_code=self.tax_code.data,
            province_code=self.province_code,
            ward_code=self.ward_code,
            address=self.address.data,
            contact_name=self.contact_name.data,
            contact_phone=self.contact_phone.data,
        )


class NoteForm(FlaskForm):
    """An approval, with an optional note to the applicant."""

    note = TextAreaField(
        _l("Note to the applicant (optional)"),
        validators=[Optional(), Length(max=2000, message=_l("At most 2000 characters."))],
    )


class ReasonForm(FlaskForm):
    """A rejection: the reason is required."""

    reason = TextAreaField(
        _l("Reason"),
        validators=[
            DataRequired(_l("Give the reason: the applicant will read it.")),
            Length(max=2000, message=_l("At most 2000 characters.")),
        ],
    )


CREDIT_LIMIT_MESSAGE = _l("Enter the credit limit in whole đồng, from 0 to 10.000.000.000.")


class WholeDongField(IntegerField):
    """A whole number of đồng. What is not one is left as None for the validators to refuse
    in our words: WTForms' own message would come on top of theirs."""

    def process_formdata(self, valuelist: list[str]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None


class TermsForm(FlaskForm):
    """An approved shop's payment terms and credit limit, both required."""

    payment_terms_days = SelectField(
        _l("Payment terms"),
        choices=[
            SelectChoice("0", _l("Pay before shipping")),
            *(SelectChoice(str(days), _l("%(days)s days", days=days)) for days in (15, 30, 45, 60)),
        ],
        validators=[
            InputRequired(_l("Choose the payment terms.")),
            AnyOf(
                [str(days) for days in PAYMENT_TERMS_DAYS],
                message=_l("Choose the payment terms from the list."),
            ),
        ],
        validate_choice=False,  # AnyOf says it in our words
    )
    credit_limit_vnd = WholeDongField(
        _l("Credit limit (đồng)"),
        description=_l("Whole đồng, without dots: 50000000. 0 for none."),
        validators=[
            InputRequired(_l("Enter the credit limit, 0 or more.")),
            NumberRange(min=0, max=MAX_CREDIT_LIMIT_VND, message=CREDIT_LIMIT_MESSAGE),
        ],
        render_kw={"inputmode": "numeric", "min": 0, "max": MAX_CREDIT_LIMIT_VND},
    )
