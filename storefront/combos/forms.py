"""Forms of the combo builder, invitations and packaging. The builder's form only carries
what the producer typed; builder.preview and builder.save_combo judge it."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from werkzeug.datastructures import FileStorage
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    RadioField,
    SearchField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, HiddenInput, ListWidget, TextInput

from storefront.catalog.forms import MARKDOWN_HINT, MAX_PRICE_VND
from storefront.combos.builder import MAX_COMPONENTS, ComboDraft
from storefront.combos.models import (
    MAX_QUANTITY,
    MIN_QUANTITY,
    Combo,
    ComboKind,
    Occasion,
    PackagingKind,
    PriceMode,
)

# Rows past this are dropped when read; the builder refuses more than MAX_COMPONENTS anyway.
MAX_ROWS = MAX_COMPONENTS + 8
MAX_STOCK = 1_000_000


class VndField(IntegerField):
    """Whole đồng, written as people do: "185000", "185.000" or "185.000 ₫"."""

    widget = TextInput()

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist:
            cleaned = "".join(ch for ch in valuelist[0] if ch not in " .,\u00a0₫đ")
            valuelist = [cleaned]
        super().process_formdata(valuelist)


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


PACKAGING_LABELS = {
    PackagingKind.GIFT_BOX: _l("Gift box"),
    PackagingKind.BASKET: _l("Basket"),
    PackagingKind.WRAPPING: _l("Wrapping"),
    PackagingKind.BAG: _l("Bag"),
}


class ComponentForm(Form):
    """One row of the builder: a product and how many of it (no CSRF of its own)."""

    product_id = IntegerField(widget=HiddenInput(), validators=[Optional()])
    quantity = IntegerField(
        _l("Quantity"),
        validators=[Optional()],
        render_kw={"inputmode": "numeric", "min": MIN_QUANTITY, "max": MAX_QUANTITY},
    )


class ComboForm(FlaskForm):
    name = StringField(
        _l("Name"), validators=[Length(max=200, message=_l("A name has at most 200 characters."))]
    )
    name_en = StringField(
        _l("English name (optional)"),
        validators=[Optional(), Length(max=200, message=_l("A name has at most 200 characters."))],
        render_kw={"lang": "en"},
    )
    kind = RadioField(
        _l("Kind"),
        choices=[
            SelectChoice(ComboKind.GIFT_COMBO.value, _l("Gift combo")),
            SelectChoice(ComboKind.SOUVENIR_BUNDLE.value, _l("Souvenir bundle")),
        ],
        default=ComboKind.GIFT_COMBO.value,
    )
    components = FieldList(FormField(ComponentForm), max_entries=MAX_ROWS)
    q = SearchField(
        _l("Find a certified product"),
        description=_l("Name, producer or place; accents are optional."),
        validators=[Optional(), Length(max=100)],
    )
    price_mode = RadioField(
        _l("How the price is set"),
        choices=[
            SelectChoice(PriceMode.PERCENT_OFF.value, _l("A percentage off the products' prices")),
            SelectChoice(PriceMode.FIXED.value, _l("A fixed price")),
        ],
        default=PriceMode.PERCENT_OFF.value,
    )
    percent_off = IntegerField(
        _l("Percentage off"),
        description=_l("From 1 to 90 %."),
        default=10,
        validators=[Optional()],
        render_kw={"inputmode": "numeric", "min": 1, "max": 90},
    )
    fixed_price_vnd = VndField(
        _l("Fixed price (đồng)"),
        description=_l("Whole đồng, no more than the products cost separately."),
        validators=[Optional()],
        render_kw={"inputmode": "numeric"},
    )
    occasions = MultiCheckboxField(
        _l("Occasions"),
        choices=[SelectChoice(o.value, o.value) for o in Occasion],  # labelled by the page
        validate_choice=False,
    )
    heritage = SelectField(_l("Heritage it is tied to"), coerce=int, validate_choice=False)
    story = TextAreaField(
        _l("The story of the combo"),
        description=MARKDOWN_HINT,
        validators=[Length(max=20000, message=_l("This text is too long."))],
        render_kw={"rows": 8},
    )
    story_en = TextAreaField(
        _l("The story in English (optional)"),
        validators=[Optional(), Length(max=20000, message=_l("This text is too long."))],
        render_kw={"rows": 6, "lang": "en"},
    )
    packaging = MultiCheckboxField(_l("Packaging offered"), coerce=int, validate_choice=False)
    default_packaging = RadioField(
        _l("Packed by default in"), coerce=int, validate_choice=False, validators=[Optional()]
    )
    picture = FileField(
        _l("Upload a picture"),
        description=_l("JPEG, PNG or WebP, at most 5 MB. It is uploaded when you save."),
        render_kw={"accept": "image/jpeg,image/png,image/webp"},
    )


class StaffComboForm(ComboForm):
    owner = SelectField(_l("Producer that owns and fulfils the combo"), coerce=int)


def draft_from(form: ComboForm) -> ComboDraft:
    """The draft as the form carries it; unreadable values are left for the builder to refuse."""
    try:
        kind = ComboKind(form.kind.data)
    except ValueError:
        kind = ComboKind.GIFT_COMBO
    try:
        mode = PriceMode(form.price_mode.data)
    except ValueError:
        mode = PriceMode.PERCENT_OFF
    occasions = [Occasion(o) for o in form.occasions.data or [] if o in set(Occasion)]
    ticked = [i for i in form.packaging.data or [] if isinstance(i, int)]
    default = form.default_packaging.data if isinstance(form.default_packaging.data, int) else 0
    return ComboDraft(
        name=form.name.data or "",
        name_en=form.name_en.data,
        kind=kind,
        price_mode=mode,
        fixed_price_vnd=form.fixed_price_vnd.data,
        percent_off=form.percent_off.data,
        heritage_id=form.heritage.data or None if isinstance(form.heritage.data, int) else None,
        story=form.story.data or "",
        story_en=form.story_en.data,
        occasions=occasions,
        components=rows_of(form),
        packaging_item_ids=list(dict.fromkeys(([default] if default else []) + ticked)),
    )


def rows_of(form: ComboForm) -> list[tuple[int, int]]:
    """The component rows as (product id, quantity); a quantity that is no number is 0."""
    return [
        (row.product_id.data, row.quantity.data or 0)
        for row in form.components
        if isinstance(row.product_id.data, int)
    ]


def set_rows(form: ComboForm, rows: list[tuple[int, int]]) -> None:
    """Replace the component rows (after adding or removing one)."""
    form.components.entries = []
    form.components.last_index = -1
    for product_id, quantity in rows:
        form.components.append_entry({"product_id": product_id, "quantity": quantity})


def form_data(combo: Combo) -> dict:
    """The builder's fields filled from a saved combo."""
    packaging = [choice.packaging_item_id for choice in combo.packaging]
    return {
        "name": combo.name,
        "name_en": combo.name_en,
        "kind": combo.kind.value,
        "components": [
            {"product_id": c.product_id, "quantity": c.quantity} for c in combo.components
        ],
        "price_mode": combo.price_mode.value,
        "percent_off": combo.percent_off,
        "fixed_price_vnd": combo.fixed_price_vnd,
        "occasions": [o.value for o in sorted(combo.occasion_set)],
        "heritage": combo.heritage_id or 0,
        "story": combo.story,
        "story_en": combo.story_en,
        "packaging": packaging,
        "default_packaging": packaging[0] if packaging else None,
    }


def uploaded(form: ComboForm) -> FileStorage | None:
    data = form.picture.data
    return data if isinstance(data, FileStorage) and data.filename else None


class AnswerForm(FlaskForm):
    """A partner's answer to an invitation: the pressed button's value."""

    decision = RadioField(
        choices=[SelectChoice("accept", _l("Accept")), SelectChoice("decline", _l("Decline"))]
    )


class PackagingForm(FlaskForm):
    kind = SelectField(
        _l("Kind"),
        choices=[SelectChoice(k.value, label) for k, label in PACKAGING_LABELS.items()],
    )
    name = StringField(
        _l("Name"),
        validators=[
            DataRequired(_l("Enter a name.")),
            Length(max=120, message=_l("At most 120 characters.")),
        ],
    )
    name_en = StringField(
        _l("English name (optional)"),
        validators=[Optional(), Length(max=120, message=_l("At most 120 characters."))],
        render_kw={"lang": "en"},
    )
    price_vnd = VndField(
        _l("Price (đồng)"),
        description=_l("What the shopper pays for it on top of the combo; 0 when it is free."),
        validators=[
            InputRequired(_l("Enter the price in whole đồng, 0 or more.")),
            NumberRange(min=0, max=MAX_PRICE_VND, message=_l("The price must be 0 ₫ or more.")),
        ],
        render_kw={"inputmode": "numeric"},
    )
    stock = IntegerField(
        _l("In stock"),
        validators=[
            InputRequired(_l("Enter the stock, 0 or more.")),
            NumberRange(min=0, max=MAX_STOCK, message=_l("The stock must be 0 or more.")),
        ],
        render_kw={"inputmode": "numeric", "min": 0},
    )
    active = BooleanField(_l("Offered with combos"), default=True)
