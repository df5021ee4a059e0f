"""The checkout form: contact, delivery address, gift options and payment method. It reads
only these fields: prices, totals, producers and statuses posted with it are never read."""

from collections.abc import Mapping
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, RadioField, StringField, TelField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from storefront.accounts.contact import normalize_email, normalize_phone
from storefront.accounts.errors import InvalidEmail, InvalidPhone
from storefront.accounts.forms import email_field
from storefront.checkout.details import Checkout, Contact, Delivery, GiftOptions, InvoiceDetails
from storefront.orders.models import PaymentMethod
from storefront.producers.business_fields import tax_code_field
from storefront.producers.errors import ProducerError
from storefront.producers.place_fields import PlaceFields
from storefront.producers.tax_codes import normalize_tax_code
from storefront.wholesale.models import Shop

GIFT_MESSAGE_MAX = 300


def _vietnamese_phone(_form: FlaskForm, field: TelField) -> None:
    try:
        normalize_phone(field.data or "")
    except InvalidPhone as error:
        raise ValidationError(
            _l("Enter a Vietnamese phone number, such as 0912 345 678.")
        ) from error


def _phone(label: str, *, required: bool) -> TelField:
    first = DataRequired(_l("Enter a phone number.")) if required else Optional()
    return TelField(
        label,
        validators=[
            first,
            Length(max=30, message=_l("That phone number is too long.")),
            _vietnamese_phone,
        ],
        render_kw={"autocomplete": "tel", "inputmode": "tel"},
    )


class CheckoutForm(PlaceFields, FlaskForm):
    name = StringField(
        _l("Your name"),
        validators=[
            DataRequired(_l("Enter your name.")),
            Length(max=120, message=_l("At most 120 characters.")),
        ],
        render_kw={"autocomplete": "name"},
    )
    email = email_field(_l("E-mail address"))
    phone = _phone(_l("Phone"), required=True)
    street = StringField(
        _l("House number and street"),
        validators=[
            DataRequired(_l("Enter the house number and street.")),
            Length(max=200, message=_l("At most 200 characters.")),
        ],
        render_kw={"autocomplete": "street-address"},
    )
    other_recipient = BooleanField(_l("Deliver to someone else"))
    recipient_name = StringField(
        _l("Recipient's name"),
        validators=[Optional(), Length(max=120, message=_l("At most 120 characters."))],
        render_kw={"autocomplete": "off"},
    )
    recipient_phone = _phone(_l("Recipient's phone"), required=False)
    gift_message = TextAreaField(
        _l("Gift message (optional)"),
        description=_l("Printed on the story card in the parcel, at most 300 characters."),
        validators=[
            Optional(),
            Length(max=GIFT_MESSAGE_MAX, message=_l("At most 300 characters.")),
        ],
        render_kw={"rows": 3, "maxlength": GIFT_MESSAGE_MAX},
    )
    hide_prices = BooleanField(_l("A packing slip without prices (for a gift)"))
    deliver_on = DateField(
        _l("Preferred delivery date (optional)"),
        validators=[Optional()],
        description=_l("We deliver on this day or as soon after it as we can."),
    )
    # A shop's VAT invoice details; required of shops, not shown to retail buyers.
    vat_company_name = StringField(
        _l("Company name on the VAT invoice"),
        validators=[Optional(), Length(max=200, message=_l("At most 200 characters."))],
        render_kw={"autocomplete": "organization"},
    )
    vat_tax_code = tax_code_field()
    vat_address = StringField(
        _l("Company address on the VAT invoice"),
        validators=[Optional(), Length(max=300, message=_l("At most 300 characters."))],
    )
    payment = RadioField(
        _l("Payment"),
        choices=[
            SelectChoice(PaymentMethod.COD.value, _l("Cash on delivery")),
            SelectChoice(PaymentMethod.BANK_TRANSFER.value, _l("Bank transfer (VietQR)")),
        ],
        default=PaymentMethod.COD.value,
        validators=[DataRequired(_l("Choose how to pay."))],
    )

    def validate_email(self, field: StringField) -> None:
        try:
            normalize_email(field.data or "")
        except InvalidEmail as error:
            raise ValidationError(
                _l("Enter a valid e-mail address, such as an@example.vn.")
            ) from error

    def validate_deliver_on(self, field: DateField) -> None:
        if field.data is not None and field.data < self.today:
            raise ValidationError(_l("Choose a day that has not passed."))

    def __init__(
        self,
        *args: object,
        today: date,
        card: bool = False,
        shop: Shop | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.shop = shop
        if shop is not None:
            # A shop pays by invoice on its terms or before shipping; cash on delivery is
            # for parcels a retail courier can carry.
            self.payment.choices = [
                SelectChoice(PaymentMethod.BANK_TRANSFER.value, _l("Bank transfer (VietQR)"))
            ]
            if shop.buys_on_invoice:
                invoice = SelectChoice(
                    PaymentMethod.INVOICE.value,
                    _l(
                        "Invoice: pay by bank transfer within %(days)s days",
                        days=shop.payment_terms_days,
                    ),
                )
                self.payment.choices.insert(0, invoice)
            if not self.is_submitted():
                self.payment.data = self.payment.choices[0].value
        else:
            self.vat_tax_code.validators = [Optional()]
        if card:  # offered only while Stripe is configured
            self.payment.choices = [
                *self.payment.choices,
                SelectChoice(PaymentMethod.CARD.value, _l("Card (Visa, Mastercard, JCB)")),
            ]

    def validate_vat_tax_code(self, field: StringField) -> None:
        if self.shop is None:
            return
        try:
            normalize_tax_code(field.data or "")
        except ProducerError as error:
            raise ValidationError(error.message()) from error

    def validate(self, extra_validators: Mapping | None = None) -> bool:
        valid = super().validate(extra_validators)
        if self.shop is not None:
            for field, message in (
                (self.vat_company_name, _l("Enter the company name for the VAT invoice.")),
                (self.vat_address, _l("Enter the company address for the VAT invoice.")),
            ):
                if not (field.data or "").strip() and not field.errors:
                    field.errors = [*field.errors, message]
                    valid = False
        # Here, not in the fields' validators: their Optional() stops at an empty field.
        if self.other_recipient.data:
            for field, message in (
                (self.recipient_name, _l("Enter the recipient's name.")),
                (self.recipient_phone, _l("Give the recipient's phone, so the courier can call.")),
            ):
                if not (field.data or "").strip() and not field.errors:
                    field.errors = [*field.errors, message]
                    valid = False
        return valid

    def choose_bank_transfer(self) -> None:
        """Show bank transfer chosen, unless the buyer sent a choice (checked as sent)."""
        if not self.is_submitted():
            self.payment.data = PaymentMethod.BANK_TRANSFER.value

    def checkout(self) -> Checkout:
        phone = normalize_phone(self.phone.data) or ""
        other = bool(self.other_recipient.data)
        return Checkout(
            contact=Contact(
                name=self.name.data.strip(), email=normalize_email(self.email.data), phone=phone
            ),
            delivery=Delivery(
                recipient_name=self.recipient_name.data.strip()
                if other
                else self.name.data.strip(),
                recipient_phone=(normalize_phone(self.recipient_phone.data or "") or phone)
                if other
                else phone,
                province_code=self.province_code,
                ward_code=self.ward_code,
                street=self.street.data.strip(),
            ),
            gift=GiftOptions(
                message=(self.gift_message.data or "").strip(),
                hide_prices=bool(self.hide_prices.data),
                deliver_on=self.deliver_on.data,
            ),
            payment=PaymentMethod(self.payment.data),
            invoice=InvoiceDetails(
                company_name=self.vat_company_name.data.strip(),
                tax_code=normalize_tax_code(self.vat_tax_code.data),
                address=self.vat_address.data.strip(),
            )
            if self.shop is not None
            else None,
        )
