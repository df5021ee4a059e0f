"""Quote forms: the shop's request (item codes and quantities, wishes, a needed-by date)
and the producer's or staff's answer (a unit price, a date it holds until, a note per
line). Each reads only the fields it shows: no price, status or producer is read from a
request, and an answer's rows are matched to the lines by position, never by a posted id."""

from collections.abc import Mapping
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional, ValidationError
from wtforms.widgets import TextInput

from storefront.money import format_vnd
from storefront.wholesale.quotes import (
    MAX_LINES,
    MAX_NOTE,
    MAX_QUANTITY,
    MAX_UNIT_PRICE_VND,
    MAX_VALIDITY_DAYS,
    MAX_WISHES,
    Answer,
    QuoteItem,
)
from storefront.wholesale.skus import parse_sku

FIRST_ROWS = 5  # rows a new request shows; "More rows" adds as many, up to MAX_LINES


class _WholeNumberField(IntegerField):
    """A whole number, written as people do ("185000", "185.000", "185.000 ₫"). What is
    not one is left as None, for the form to refuse in its own words."""

    widget = TextInput()

    def process_formdata(self, valuelist: list[str]) -> None:
        self.raw = valuelist[0].strip() if valuelist else ""
        cleaned = "".join(ch for ch in self.raw if ch not in " .,\u00a0₫đ")
        self.data = int(cleaned) if cleaned.isascii() and cleaned.isdigit() else None

    def given(self) -> bool:
        return bool(getattr(self, "raw", ""))


class QuoteRowForm(Form):
    """One line of a request: an item code and how many (no CSRF of its own)."""

    sku = StringField(
        _l("Item code"),
        validators=[Optional(), Length(max=20, message=_l("An item code is like P00012."))],
        render_kw={"spellcheck": "false", "autocapitalize": "characters", "autocomplete": "off"},
    )
    quantity = _WholeNumberField(
        _l("Quantity"), render_kw={"inputmode": "numeric", "autocomplete": "off"}
    )

    @property
    def blank(self) -> bool:
        return not (self.sku.data or "").strip() and not self.quantity.given()


class QuoteRequestForm(FlaskForm):
    rows = FieldList(FormField(QuoteRowForm), min_entries=FIRST_ROWS, max_entries=MAX_LINES)
    more = SubmitField(_l("More rows"))
    wishes = TextAreaField(
        _l("Your wishes (optional)"),
        description=_l(
            "Branding (your logo or name on the box or label), packaging, a card, how the "
            "goods should be packed: at most 2000 characters."
        ),
        validators=[
            Optional(),
            Length(max=MAX_WISHES, message=_l("Write at most 2000 characters.")),
        ],
        render_kw={"rows": 5, "maxlength": MAX_WISHES},
    )
    needed_by = DateField(
        _l("Needed by"),
        description=_l("The day the goods must reach you."),
        validators=[InputRequired(_l("Choose the day you need the goods by."))],
    )

    def __init__(self, *args: object, today: date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def validate_needed_by(self, field: DateField) -> None:
        if field.data is not None and field.data < self.today:
            raise ValidationError(_l("Choose a needed-by date that has not passed."))

    def add_rows(self) -> None:
        """Show more empty rows, up to the most a request may hold."""
        for _ in range(FIRST_ROWS):
            if len(self.rows) < MAX_LINES:
                self.rows.append_entry()

    def validate(self, extra_validators: Mapping | None = None) -> bool:
        valid = super().validate(extra_validators)
        filled = 0
        for entry in self.rows:
            row: QuoteRowForm = entry.form
            if row.blank:
                continue
            filled += 1
            if parse_sku(row.sku.data or "") is None:
                row.sku.errors = [
                    *row.sku.errors,
                    _l("Enter an item code as on its page, such as P00012 or C00003."),
                ]
                valid = False
            quantity = row.quantity.data
            if quantity is None or not 1 <= quantity <= MAX_QUANTITY:
                row.quantity.errors = [
                    _l("Enter a whole number from 1 to %(most)s.", most=MAX_QUANTITY)
                ]
                valid = False
        if not filled:
            self.form_errors.append(_l("Add at least one item: its code and how many you need."))
            valid = False
        return valid

    def items(self) -> tuple[list[QuoteItem], list[int]]:
        """The lines asked for, and the index of the row each came from."""
        items, rows = [], []
        for index, entry in enumerate(self.rows):
            row: QuoteRowForm = entry.form
            if row.blank:
                continue
            kind, item_id = parse_sku(row.sku.data)  # type: ignore[misc]
            items.append(QuoteItem(kind, item_id, row.quantity.data))  # type: ignore[arg-type]
            rows.append(index)
        return items, rows


class AnswerRowForm(Form):
    """The answer to one line; a row without a price is left unanswered."""

    unit_price = _WholeNumberField(
        _l("Unit price (đồng)"), render_kw={"inputmode": "numeric", "autocomplete": "off"}
    )
    valid_until = DateField(_l("Price holds until"), validators=[Optional()])
    note = StringField(
        _l("Note for the shop (optional)"),
        validators=[
            Optional(),
            Length(max=MAX_NOTE, message=_l("Write at most 1000 characters.")),
        ],
        render_kw={"maxlength": MAX_NOTE},
    )


class AnswerForm(FlaskForm):
    """One row per line shown, in the same order as the lines."""

    rows = FieldList(FormField(AnswerRowForm))

    def __init__(self, *args: object, today: date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    @property
    def last_day(self) -> date:
        return self.today + timedelta(days=MAX_VALIDITY_DAYS)

    def validate(self, extra_validators: Mapping | None = None) -> bool:
        valid = super().validate(extra_validators)
        answered = 0
        for entry in self.rows:
            row: AnswerRowForm = entry.form
            if not row.unit_price.given():
                continue
            answered += 1
            price = row.unit_price.data
            if price is None or not 1 <= price <= MAX_UNIT_PRICE_VND:
                row.unit_price.errors = [
                    _l(
                        "Enter the unit price in whole đồng, from 1 to %(most)s.",
                        most=format_vnd(MAX_UNIT_PRICE_VND),
                    )
                ]
                valid = False
            until = row.valid_until.data
            if until is None and not row.valid_until.errors:
                row.valid_until.errors = [_l("Choose the last day the price holds.")]
                valid = False
            elif until is not None and not self.today <= until <= self.last_day:
                row.valid_until.errors = [
                    _l(
                        "Choose a day from today to %(last)s.",
                        last=self.last_day.isoformat(),
                    )
                ]
                valid = False
        if not answered:
            self.form_errors.append(_l("Give a unit price for at least one line."))
            valid = False
        return valid

    def answers(self, line_ids: list[int]) -> dict[int, Answer]:
        """The rows given a price, by the id of the line shown in their place."""
        return {
            line_id: Answer(
                unit_price_vnd=entry.form.unit_price.data,
                valid_until=entry.form.valid_until.data,
                note=entry.form.note.data or "",
            )
            for line_id, entry in zip(line_ids, self.rows, strict=False)
            if entry.form.unit_price.given()
        }
