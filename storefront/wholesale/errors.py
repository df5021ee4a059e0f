"""Typed wholesale errors with codes, and the translated message for each code."""

import enum

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from storefront.coded_errors import CodedError


class ShopErrorCode(enum.StrEnum):
    INVALID_TAX_CODE = "invalid_tax_code"
    TAX_CODE_TAKEN = "tax_code_taken"
    UNKNOWN_PROVINCE = "unknown_province"
    WARD_NOT_IN_PROVINCE = "ward_not_in_province"
    INVALID_PHONE = "invalid_phone"
    ALREADY_APPLIED = "already_applied"
    NOT_ALLOWED = "not_allowed"
    INVALID_TRANSITION = "invalid_transition"
    REASON_REQUIRED = "reason_required"
    NOT_APPROVED = "not_approved"
    INVALID_TERMS = "invalid_terms"
    INVALID_CREDIT_LIMIT = "invalid_credit_limit"
    INVALID_MINIMUM = "invalid_minimum"
    TOO_MANY_TIERS = "too_many_tiers"
    TIER_QUANTITY_ORDER = "tier_quantity_order"
    TIER_BELOW_MINIMUM = "tier_below_minimum"
    TIER_PRICE_ORDER = "tier_price_order"
    TIER_NOT_BELOW_RETAIL = "tier_not_below_retail"
    TIER_CHEAPER_TOTAL = "tier_cheaper_total"


MESSAGES: dict[ShopErrorCode, LazyString] = {
    ShopErrorCode.INVALID_TAX_CODE: _l(
        "Enter the tax code (MST) as 10 digits, or 13 as 0123456789-001 for a branch."
    ),
    ShopErrorCode.TAX_CODE_TAKEN: _l(
        "A shop with this tax code is already registered. Contact the Chợ OCOP team."
    ),
    ShopErrorCode.UNKNOWN_PROVINCE: _l("Choose a province or city from the list."),
    ShopErrorCode.WARD_NOT_IN_PROVINCE: _l("Choose a ward or commune of this province."),
    ShopErrorCode.INVALID_PHONE: _l(
        "Enter a Vietnamese phone number, such as 0912 345 678 or 0293 3876 543."
    ),
    ShopErrorCode.ALREADY_APPLIED: _l("You have already sent a shop application."),
    ShopErrorCode.NOT_ALLOWED: _l("Producer members and staff cannot open a shop account."),
    ShopErrorCode.INVALID_TRANSITION: _l(
        "This application has been decided meanwhile; nothing was done. Check the list again."
    ),
    ShopErrorCode.REASON_REQUIRED: _l("Give the reason: the applicant will read it."),
    ShopErrorCode.NOT_APPROVED: _l(
        "Payment terms are for approved shops only; nothing was changed."
    ),
    ShopErrorCode.INVALID_TERMS: _l(
        "Choose the payment terms from the list: pay before shipping, 15, 30, 45 or 60 days."
    ),
    ShopErrorCode.INVALID_CREDIT_LIMIT: _l(
        "Enter the credit limit in whole đồng, from 0 to 10.000.000.000."
    ),
    ShopErrorCode.INVALID_MINIMUM: _l(
        "Enter the minimum order as a whole number from 1 to %(most)s."
    ),
    ShopErrorCode.TOO_MANY_TIERS: _l("Give at most %(most)s price tiers."),
    ShopErrorCode.TIER_QUANTITY_ORDER: _l(
        "Each tier must start at more units than the one before (%(quantity)s is not)."
    ),
    ShopErrorCode.TIER_BELOW_MINIMUM: _l(
        "A tier cannot start below the minimum order of %(minimum)s units."
    ),
    ShopErrorCode.TIER_PRICE_ORDER: _l(
        "Prices must fall as quantities rise: the tier from %(quantity)s units must cost "
        "less than %(before)s."
    ),
    ShopErrorCode.TIER_NOT_BELOW_RETAIL: _l(
        "A wholesale price must be below the retail price of %(retail)s."
    ),
    ShopErrorCode.TIER_CHEAPER_TOTAL: _l(
        "From %(quantity)s units the order would cost %(total)s, less than %(fewer)s "
        "units cost (%(fewer_total)s). Lower the price less, or start the tier later."
    ),
}


class ShopError(CodedError):
    """Base of every wholesale error; `code` says which, `message()` says it to a person."""

    code: ShopErrorCode
    messages = MESSAGES


class InvalidTransition(ShopError):
    """The shop's status does not allow this decision (e.g. approving an approved one)."""

    def __init__(self) -> None:
        super().__init__(ShopErrorCode.INVALID_TRANSITION)
