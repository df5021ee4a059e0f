"""Producer-portal and staff forms of the catalogue. Each reads only the fields it shows:
producer, status, stock and certificate pointer never come from a form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from storefront.catalog.models import IssuingBody

MAX_PRICE_VND = 1_000_000_000
MAX_WEIGHT_GRAMS = 1_000_000
MAX_OPENING_STOCK = 1_000_000
MARKDOWN_HINT = _l("Markdown: **bold**, *italic*, lists with -, links as [text](https://...).")


def _optional_text(label: str, *, limit: int, area: bool = False) -> StringField:
    field = TextAreaField if area else StringField
    return field(
        label,
        validators=[Optional(), Length(max=limit, message=_l("This text is too long."))],
        render_kw={"lang": "en"},
    )


class ProductForm(FlaskForm):
    name = StringField(
        _l("Name"),
        validators=[
            DataRequired(_l("Enter the product's name.")),
            Length(max=200, message=_l("A name has at most 200 characters.")),
        ],
    )
    name_en = _optional_text(_l("English name (optional)"), limit=200)
    category = SelectField(_l("Category"), coerce=int, validate_choice=True)
    unit = StringField(
        _l("Unit"),
        description=_l("What one sells: “hộp 500 g”, “chai 350 ml”."),
        validators=[
            DataRequired(_l("Enter the unit, such as “hộp 500 g”.")),
            Length(max=60, message=_l("A unit has at most 60 characters.")),
        ],
    )
    unit_en = _optional_text(_l("Unit in English (optional)"), limit=60)
    price_vnd = IntegerField(
        _l("Price (đồng)"),
        description=_l("Whole đồng, without dots: 185000."),
        validators=[
            InputRequired(_l("Enter the price in whole đồng.")),
            NumberRange(min=1, max=MAX_PRICE_VND, message=_l("Enter a price above 0 đồng.")),
        ],
        render_kw={"inputmode": "numeric", "min": 1},
    )
    weight_grams = IntegerField(
        _l("Weight with packaging (grams)"),
        validators=[
            InputRequired(_l("Enter the weight in grams.")),
            NumberRange(min=0, max=MAX_WEIGHT_GRAMS, message=_l("Enter a weight of 0 or more.")),
        ],
        render_kw={"inputmode": "numeric", "min": 0},
    )
    description = TextAreaField(
        _l("Description"),
        validators=[Length(max=5000, message=_l("This text is too long."))],
        render_kw={"rows": 5},
    )
    description_en = _optional_text(_l("Description in English (optional)"), limit=5000, area=True)
    story = TextAreaField(
        _l("Story"),
        description=MARKDOWN_HINT,
        validators=[Length(max=20000, message=_l("This text is too long."))],
        render_kw={"rows": 10},
    )
    story_en = _optional_text(_l("Story in English (optional)"), limit=20000, area=True)


class NewProductForm(ProductForm):
    opening_stock = IntegerField(
        _l("Stock now"),
        description=_l(
            "How many units you have ready to sell; later changes go on the Stock page."
        ),
        default=0,
        validators=[
            InputRequired(_l("Enter the stock, 0 or more.")),
            NumberRange(min=0, max=MAX_OPENING_STOCK, message=_l("Enter a stock of 0 or more.")),
        ],
        render_kw={"inputmode": "numeric", "min": 0},
    )


class ImageForm(FlaskForm):
    picture = FileField(
        _l("Picture"),
        description=_l("JPEG, PNG or WebP, at most 5 MB."),
        validators=[FileRequired(_l("Choose a picture to upload."))],
        render_kw={"accept": "image/jpeg,image/png,image/webp"},
    )
    alt = StringField(
        _l("What the picture shows (for screen readers)"),
        validators=[Length(max=200, message=_l("At most 200 characters."))],
    )


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class CertificateForm(FlaskForm):
    product = SelectField(_l("Product"), coerce=int, validate_choice=True)
    stars = SelectField(
        _l("Stars"),
        coerce=int,
        choices=[SelectChoice(n, str(n)) for n in (3, 4, 5)],
        validate_choice=True,
    )
    decision_number = StringField(
        _l("Decision number"),
        description=_l("As written on the decision, such as 1234/QĐ-UBND."),
        validators=[
            DataRequired(_l("Enter the decision number.")),
            Length(max=60, message=_l("At most 60 characters.")),
        ],
    )
    issuing_body = SelectField(
        _l("Issued by"),
        choices=[
            SelectChoice(IssuingBody.PROVINCIAL.value, _l("Provincial OCOP council")),
            SelectChoice(IssuingBody.CENTRAL.value, _l("Central OCOP council")),
        ],
        validate_choice=True,
    )
    issued_on = DateField(
        _l("Issued on"), validators=[InputRequired(_l("Enter the date of the decision."))]
    )
    expires_on = DateField(
        _l("Expires on (optional)"),
        description=_l("Leave empty for the usual 36 months after the issue date."),
        validators=[Optional()],
    )
    scan = FileField(
        _l("Scan of the decision"),
        description=_l("PDF (at most 10 MB), or a JPEG, PNG or WebP picture (at most 5 MB)."),
        validators=[FileRequired(_l("Attach a scan of the decision."))],
        render_kw={"accept": "application/pdf,image/jpeg,image/png,image/webp"},
    )


class RejectForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason for rejecting"),
        validators=[
            DataRequired(_l("Give a reason, so the producer knows what to fix.")),
            Length(max=1000, message=_l("At most 1000 characters.")),
        ],
        render_kw={"rows": 2},
    )
