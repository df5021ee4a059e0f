"""Vietnamese tax codes (mã số thuế): 10 digits, or 13 for a branch, written 0123456789-001."""

import re

from storefront.producers.errors import ProducerError, ProducerErrorCode

_SEPARATORS = re.compile(r"[\s.\-_/]")
_DIGITS = re.compile(r"[0-9]{10}(?:[0-9]{3})?")


def normalize_tax_code(raw: str) -> str:
    """The stored form: "0123456789" or "0123456789-001" (spaces, dots, dashes dropped on
    input). Raises ProducerError(INVALID_TAX_CODE)."""
    digits = _SEPARATORS.sub("", raw)
    if not _DIGITS.fullmatch(digits) or digits[10:] == "000":
        raise ProducerError(ProducerErrorCode.INVALID_TAX_CODE)
    return digits if len(digits) == 10 else f"{digits[:10]}-{digits[10:]}"
