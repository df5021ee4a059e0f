"""E-mail addresses and Vietnamese phone numbers, checked and put in one stored form."""

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from storefront.accounts.errors import InvalidEmail, InvalidPhone


def normalize_email(raw: str) -> str:
    """The stored form of an address: validated, lower-cased. Raises InvalidEmail."""
    try:
        checked = validate_email(raw.strip(), check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidEmail() from error
    return checked.normalized.lower()


def email_key(raw: str) -> str:
    """The stored form when valid, else the trimmed lower-cased text; never raises.

    Sign-in looks accounts up, and counts failed attempts, by this key.
    """
    try:
        return normalize_email(raw)
    except InvalidEmail:
        return raw.strip().lower()


def normalize_phone(raw: str) -> str | None:
    """A Vietnamese number in E.164 (+84...), or None when empty. Raises InvalidPhone."""
    if not raw.strip():
        return None
    try:
        number = phonenumbers.parse(raw, "VN")
    except phonenumbers.NumberParseException as error:
        raise InvalidPhone() from error
    valid = phonenumbers.is_valid_number(number)
    if not valid or phonenumbers.region_code_for_number(number) != "VN":
        raise InvalidPhone()
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(stored: str | None) -> str:
    """A stored number the way Vietnamese write it: 0912 345 678."""
    if not stored:
        return ""
    number = phonenumbers.parse(stored, "VN")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
