"""Typed combo errors with codes, and the translated message for each code."""

import enum

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from storefront.coded_errors import CodedError
from storefront.combos.models import MAX_PERCENT_OFF, MAX_QUANTITY, MIN_QUANTITY


class ComboErrorCode(enum.StrEnum):
    EMPTY = "empty"
    QUANTITY_OUT_OF_RANGE = "quantity_out_of_range"
    TOO_MANY_COMPONENTS = "too_many_components"
    PRICE_REQUIRED = "price_required"
    PRICE_ZERO = "price_zero"
    PRICE_ABOVE_PARTS = "price_above_parts"
    PERCENT_OUT_OF_RANGE = "percent_out_of_range"
    COMPONENT_NOT_CERTIFIED = "component_not_certified"
    COMPONENT_NOT_SOLD = "component_not_sold"
    UNKNOWN_PRODUCT = "unknown_product"
    UNKNOWN_PACKAGING = "unknown_packaging"
    UNKNOWN_HERITAGE = "unknown_heritage"
    AWAITING_CONSENT = "awaiting_consent"
    CONSENT_DECLINED = "consent_declined"
    HIDDEN_BY_STAFF = "hidden_by_staff"
    REASON_REQUIRED = "reason_required"
    NOT_HIDDEN_BY_STAFF = "not_hidden_by_staff"
    NOT_INVITED = "not_invited"
    UNKNOWN_PROVINCE = "unknown_province"
    WARD_NOT_IN_PROVINCE = "ward_not_in_province"
    NAME_REQUIRED = "name_required"
    PACKAGING_PRICE_NEGATIVE = "packaging_price_negative"
    PACKAGING_STOCK_NEGATIVE = "packaging_stock_negative"
    UNKNOWN_OWNER = "unknown_owner"


MESSAGES: dict[ComboErrorCode, LazyString] = {
    ComboErrorCode.EMPTY: _l("A combo needs at least one product."),
    ComboErrorCode.QUANTITY_OUT_OF_RANGE: _l(
        "Each quantity must be from %(low)d to %(high)d.", low=MIN_QUANTITY, high=MAX_QUANTITY
    ),
    ComboErrorCode.TOO_MANY_COMPONENTS: _l("A combo holds at most 12 different products."),
    ComboErrorCode.PRICE_REQUIRED: _l("Give the combo's price, or the percentage off its parts."),
    ComboErrorCode.PRICE_ZERO: _l("The combo's price must be more than 0 ₫."),
    ComboErrorCode.PRICE_ABOVE_PARTS: _l(
        "The combo cannot cost more than its products bought separately."
    ),
    ComboErrorCode.PERCENT_OUT_OF_RANGE: _l(
        "The percentage off must be from 1 to %(high)d.", high=MAX_PERCENT_OFF
    ),
    ComboErrorCode.COMPONENT_NOT_CERTIFIED: _l(
        "Only products with a valid OCOP certificate can go into a combo."
    ),
    ComboErrorCode.COMPONENT_NOT_SOLD: _l(
        "This product is not on sale, so it cannot go into a combo."
    ),
    ComboErrorCode.UNKNOWN_PRODUCT: _l("We could not find that product."),
    ComboErrorCode.UNKNOWN_PACKAGING: _l("Choose packaging from your own packaging items."),
    ComboErrorCode.UNKNOWN_HERITAGE: _l("Choose a heritage entry from the list."),
    ComboErrorCode.AWAITING_CONSENT: _l(
        "A partner has not yet accepted its invitation: the combo can be published once it does."
    ),
    ComboErrorCode.CONSENT_DECLINED: _l(
        "A partner declined to be part of this combo: remove its product first."
    ),
    ComboErrorCode.HIDDEN_BY_STAFF: _l(
        "Staff have hidden this combo; it can be published again once they restore it."
    ),
    ComboErrorCode.REASON_REQUIRED: _l("Give a reason, so the owner knows what to fix."),
    ComboErrorCode.NOT_HIDDEN_BY_STAFF: _l("This combo is not hidden by staff."),
    ComboErrorCode.NOT_INVITED: _l("This invitation is not addressed to you."),
    ComboErrorCode.UNKNOWN_PROVINCE: _l("Choose a province from the list."),
    ComboErrorCode.WARD_NOT_IN_PROVINCE: _l("Choose a ward or commune of that province."),
    ComboErrorCode.NAME_REQUIRED: _l("Enter a name."),
    ComboErrorCode.PACKAGING_PRICE_NEGATIVE: _l("The price must be 0 ₫ or more."),
    ComboErrorCode.PACKAGING_STOCK_NEGATIVE: _l("The stock must be 0 or more."),
    ComboErrorCode.UNKNOWN_OWNER: _l("Choose an approved producer to own the combo."),
}


class ComboError(CodedError):
    """Base of every combo error; `code` says which, `message()` says it to a person.

    `product_id` names the component at fault, when one is.
    """

    code: ComboErrorCode
    messages = MESSAGES

    def __init__(self, code: ComboErrorCode, *, product_id: int | None = None) -> None:
        super().__init__(code)
        self.product_id = product_id
