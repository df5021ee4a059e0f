"""Typed catalogue errors with codes, and the translated message for each code."""

import enum

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from storefront.coded_errors import CodedError


class CatalogErrorCode(enum.StrEnum):
    INVALID_FILE_NAME = "invalid_file_name"
    NOT_AN_IMAGE = "not_an_image"
    IMAGE_TOO_LARGE = "image_too_large"
    NOT_A_SCAN = "not_a_scan"
    SCAN_TOO_LARGE = "scan_too_large"
    TOO_MANY_IMAGES = "too_many_images"
    FIVE_STARS_ARE_CENTRAL = "five_stars_are_central"
    EXPIRES_BEFORE_ISSUE = "expires_before_issue"
    ISSUED_IN_FUTURE = "issued_in_future"
    NOT_PENDING = "not_pending"
    REASON_REQUIRED = "reason_required"
    INVALID_STATUS_CHANGE = "invalid_status_change"


MESSAGES: dict[CatalogErrorCode, LazyString] = {
    CatalogErrorCode.INVALID_FILE_NAME: _l(
        "The file name is not valid: choose a file whose name has no folders in it."
    ),
    CatalogErrorCode.NOT_AN_IMAGE: _l(
        "This file is not a picture we accept: use JPEG, PNG or WebP."
    ),
    CatalogErrorCode.IMAGE_TOO_LARGE: _l("The picture is too large: at most 5 MB."),
    CatalogErrorCode.NOT_A_SCAN: _l("The scan must be a PDF, or a JPEG, PNG or WebP picture."),
    CatalogErrorCode.SCAN_TOO_LARGE: _l("The scan is too large: at most 10 MB."),
    CatalogErrorCode.TOO_MANY_IMAGES: _l("A product has at most 8 pictures: remove one first."),
    CatalogErrorCode.FIVE_STARS_ARE_CENTRAL: _l(
        "Five stars are awarded only by the central OCOP council."
    ),
    CatalogErrorCode.EXPIRES_BEFORE_ISSUE: _l("The expiry date must come after the issue date."),
    CatalogErrorCode.ISSUED_IN_FUTURE: _l("The issue date cannot be in the future."),
    CatalogErrorCode.NOT_PENDING: _l("This certificate has already been decided."),
    CatalogErrorCode.REASON_REQUIRED: _l("Give a reason, so the producer knows what to fix."),
    CatalogErrorCode.INVALID_STATUS_CHANGE: _l("The product cannot move to that state from here."),
}


class CatalogError(CodedError):
    """Base of every catalogue error; `code` says which, `message()` says it to a person."""

    code: CatalogErrorCode
    messages = MESSAGES


class UploadRefused(CatalogError):
    """A file that is not what it claims, too large, or with a name that is not a plain name."""


class InvalidCertificate(CatalogError):
    """Certificate facts that cannot be right (5 stars from a province, expiry before issue)."""


class CertificateNotPending(CatalogError):
    def __init__(self) -> None:
        super().__init__(CatalogErrorCode.NOT_PENDING)


class ReasonRequired(CatalogError):
    def __init__(self) -> None:
        super().__init__(CatalogErrorCode.REASON_REQUIRED)


class InvalidStatusChange(CatalogError):
    def __init__(self) -> None:
        super().__init__(CatalogErrorCode.INVALID_STATUS_CHANGE)


class TooManyImages(CatalogError):
    def __init__(self) -> None:
        super().__init__(CatalogErrorCode.TOO_MANY_IMAGES)
