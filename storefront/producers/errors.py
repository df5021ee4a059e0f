"""Typed producer errors with codes, and the translated message for each code."""

import enum

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from storefront.coded_errors import CodedError


class ProducerErrorCode(enum.StrEnum):
    INVALID_TAX_CODE = "invalid_tax_code"
    TAX_CODE_TAKEN = "tax_code_taken"
    UNKNOWN_PROVINCE = "unknown_province"
    WARD_NOT_IN_PROVINCE = "ward_not_in_province"
    ALREADY_A_MEMBER = "already_a_member"
    INVALID_TRANSITION = "invalid_transition"
    REASON_REQUIRED = "reason_required"
    LOGO_TOO_LARGE = "logo_too_large"
    LOGO_NOT_AN_IMAGE = "logo_not_an_image"
    LOGO_BAD_NAME = "logo_bad_name"


MESSAGES: dict[ProducerErrorCode, LazyString] = {
    ProducerErrorCode.INVALID_TAX_CODE: _l(
        "Enter the tax code (MST) as 10 digits, or 13 as 0123456789-001 for a branch."
    ),
    ProducerErrorCode.TAX_CODE_TAKEN: _l(
        "A producer with this tax code is already registered. Contact the Chợ OCOP team."
    ),
    ProducerErrorCode.UNKNOWN_PROVINCE: _l("Choose a province or city from the list."),
    ProducerErrorCode.WARD_NOT_IN_PROVINCE: _l("Choose a ward or commune of this province."),
    ProducerErrorCode.ALREADY_A_MEMBER: _l("Your account already belongs to a producer."),
    ProducerErrorCode.INVALID_TRANSITION: _l(
        "This producer's status has changed meanwhile; nothing was done. Check the list again."
    ),
    ProducerErrorCode.REASON_REQUIRED: _l("Give the reason: the producer will read it."),
    ProducerErrorCode.LOGO_TOO_LARGE: _l("The logo is larger than 5 MB. Choose a smaller file."),
    ProducerErrorCode.LOGO_NOT_AN_IMAGE: _l(
        "The logo must be a JPEG, PNG or WebP picture. This file is not one."
    ),
    ProducerErrorCode.LOGO_BAD_NAME: _l(
        "The logo's file name is not allowed. Rename the file and choose it again."
    ),
}


class ProducerError(CodedError):
    """Base of every producer error; `code` says which, `message()` says it to a person."""

    code: ProducerErrorCode
    messages = MESSAGES


class InvalidTransition(ProducerError):
    """The producer's status does not allow this decision (e.g. approving an approved one)."""

    def __init__(self) -> None:
        super().__init__(ProducerErrorCode.INVALID_TRANSITION)
