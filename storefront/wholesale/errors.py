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
    # --- Shop members and invitations (members.py) ---
    NOT_SHOP_OWNER = "not_shop_owner"
    INVALID_EMAIL = "invalid_email"
    ALREADY_MEMBER = "already_member"
    ALREADY_INVITED = "already_invited"
    CANNOT_BE_INVITED = "cannot_be_invited"
    TOO_MANY_MEMBERS = "too_many_members"
    INVITATION_INVALID = "invitation_invalid"
    INVITATION_FOR_ANOTHER_EMAIL = "invitation_for_another_email"
    CANNOT_JOIN = "cannot_join"
    OWNER_CANNOT_BE_REMOVED = "owner_cannot_be_removed"
    # --- end of shop members ---


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
    # --- Shop members and invitations (members.py) ---
    ShopErrorCode.NOT_SHOP_OWNER: _l("Only the shop's owner can invite or remove members."),
    ShopErrorCode.INVALID_EMAIL: _l("Enter a valid e-mail address, such as lan@example.vn."),
    ShopErrorCode.ALREADY_MEMBER: _l("%(email)s is already a member of this shop."),
    ShopErrorCode.ALREADY_INVITED: _l(
        "%(email)s has already been invited and the invitation is still open. Revoke it "
        "first to send a new one."
    ),
    ShopErrorCode.CANNOT_BE_INVITED: _l(
        "%(email)s cannot be invited: the account belongs to staff, a producer or another "
        "shop, or has applied for a shop account of its own."
    ),
    ShopErrorCode.TOO_MANY_MEMBERS: _l(
        "A shop may have at most %(most)s members and open invitations together. Revoke an "
        "invitation or remove a member first."
    ),
    ShopErrorCode.INVITATION_INVALID: _l(
        "This invitation is not valid: it may have expired, been revoked or been used "
        "already. Ask the shop's owner for a new one."
    ),
    ShopErrorCode.INVITATION_FOR_ANOTHER_EMAIL: _l(
        "This invitation was sent to another e-mail address, not to %(email)s. Sign in with "
        "the address it was sent to, or ask the shop's owner to invite you."
    ),
    ShopErrorCode.CANNOT_JOIN: _l(
        "Your account cannot join a shop: it belongs to staff, a producer or a shop already, "
        "or you applied for a shop account yourself."
    ),
    ShopErrorCode.OWNER_CANNOT_BE_REMOVED: _l("The shop's owner cannot be removed."),
    # --- end of shop members ---
}


class ShopError(CodedError):
    """Base of every wholesale error; `code` says which, `message()` says it to a person."""

    code: ShopErrorCode
    messages = MESSAGES


class InvalidTransition(ShopError):
    """The shop's status does not allow this decision (e.g. approving an approved one)."""

    def __init__(self) -> None:
        super().__init__(ShopErrorCode.INVALID_TRANSITION)
