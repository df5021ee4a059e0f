"""Typed account errors with codes, and the translated message for each code."""

import enum

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from storefront.coded_errors import CodedError


class AccountErrorCode(enum.StrEnum):
    INVALID_EMAIL = "invalid_email"
    EMAIL_TAKEN = "email_taken"
    INVALID_PHONE = "invalid_phone"
    PASSWORD_TOO_SHORT = "password_too_short"
    PASSWORD_TOO_COMMON = "password_too_common"
    INVALID_CREDENTIALS = "invalid_credentials"
    WRONG_PASSWORD = "wrong_password"
    ACCOUNT_SUSPENDED = "account_suspended"
    INVALID_RESET_LINK = "invalid_reset_link"


MESSAGES: dict[AccountErrorCode, LazyString] = {
    AccountErrorCode.INVALID_EMAIL: _l("Enter a valid e-mail address, such as lan@example.vn."),
    AccountErrorCode.EMAIL_TAKEN: _l(
        "An account already uses this e-mail address. Sign in, or reset your password."
    ),
    AccountErrorCode.INVALID_PHONE: _l(
        "Enter a Vietnamese phone number, such as 0912 345 678 or 0293 3876 543."
    ),
    AccountErrorCode.PASSWORD_TOO_SHORT: _l("Use at least 12 characters."),
    AccountErrorCode.PASSWORD_TOO_COMMON: _l(
        "This password is one of the most common ones and easy to guess. Choose another."
    ),
    AccountErrorCode.INVALID_CREDENTIALS: _l("The e-mail address or the password is not right."),
    AccountErrorCode.WRONG_PASSWORD: _l("Your current password is not right."),
    AccountErrorCode.ACCOUNT_SUSPENDED: _l(
        "This account is suspended. Please contact the Chợ OCOP team."
    ),
    AccountErrorCode.INVALID_RESET_LINK: _l(
        "This reset link has expired or has already been used. Ask for a new one."
    ),
}


class AccountError(CodedError):
    """Base of every account error; `code` says which, `message()` says it to a person."""

    code: AccountErrorCode
    messages = MESSAGES


class InvalidEmail(AccountError):
    def __init__(self) -> None:
        super().__init__(AccountErrorCode.INVALID_EMAIL)


class EmailTaken(AccountError):
    def __init__(self) -> None:
        super().__init__(AccountErrorCode.EMAIL_TAKEN)


class InvalidPhone(AccountError):
    def __init__(self) -> None:
        super().__init__(AccountErrorCode.INVALID_PHONE)


class WeakPassword(AccountError):
    """Too short, or found in the list of common passwords."""


class InvalidCredentials(AccountError):
    """Wrong e-mail or password: deliberately one error, so it never says which."""

    def __init__(self) -> None:
        super().__init__(AccountErrorCode.INVALID_CREDENTIALS)


class WrongPassword(AccountError):
    """The current password, asked before a sensitive change, is wrong."""

    def __init__(self) -> None:
        super().__init__(AccountErrorCode.WRONG_PASSWORD)


class AccountSuspended(AccountError):
    def __init__(self) -> None:
        super().__init__(AccountErrorCode.ACCOUNT_SUSPENDED)


class InvalidResetLink(AccountError):
    """Expired, already used, tampered with, or for an account that no longer exists."""

    def __init__(self) -> None:
        super().__init__(AccountErrorCode.INVALID_RESET_LINK)
