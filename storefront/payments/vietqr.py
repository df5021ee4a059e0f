"""VietQR: the NAPAS bank-transfer QR code (EMVCo merchant-presented mode) that every
Vietnamese banking app scans to fill in the beneficiary, the amount and the note.

The field layout matches the public Go implementation github.com/subiz/vietqr
(vietqr.go, `Generate`) and the payloads in its vietqr_test.go, which the tests reuse.
"""

import binascii
import re

import segno
from markupsafe import Markup

_BIN = re.compile(r"[0-9]{6}")
_ACCOUNT_NUMBER = re.compile(r"[0-9A-Za-z]{1,19}")
_NOTE = re.compile(r"[\x20-\x7e]{1,25}")
# Field 54 holds at most 13 characters.
_MAX_AMOUNT_VND = 10**13 - 1
# Modules are drawn at a whole number of pixels (crisp edges) near this width.
_TARGET_WIDTH_PX = 240


def _field(field_id: str, value: str) -> str:
    return f"{field_id}{len(value):02d}{value}"


def _crc(data: str) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), 4 uppercase hex digits."""
    return f"{binascii.crc_hqx(data.encode('ascii'), 0xFFFF):04X}"


def vietqr_payload(*, bank_bin: str, account_number: str, amount_vnd: int, note: str) -> str:
    """The text of a one-off VietQR transfer of `amount_vnd` đồng to an account.

    Raises ValueError when the BIN is not 6 digits, the account number not 1–19 ASCII
    letters and digits, the amount not a positive whole number of đồng below 10^13,
    or the note not 1–25 printable ASCII characters.
    """
    if not _BIN.fullmatch(bank_bin):
        raise ValueError(f"bank BIN must be 6 digits, got {bank_bin!r}")
    if not _ACCOUNT_NUMBER.fullmatch(account_number):
        raise ValueError(
            f"account number must be 1-19 ASCII letters or digits, got {account_number!r}"
        )
    if (
        not isinstance(amount_vnd, int)
        or isinstance(amount_vnd, bool)
        or not 0 < amount_vnd <= _MAX_AMOUNT_VND
    ):
        raise ValueError(f"amount must be a positive whole number of đồng, got {amount_vnd!r}")
    if not _NOTE.fullmatch(note) or not note.strip():
        raise ValueError(f"note must be 1-25 printable ASCII characters, got {note!r}")

    beneficiary = _field("00", bank_bin) + _field("01", account_number)
    merchant_account = (
        _field("00", "A000000727")  # NAPAS GUID
        + _field("01", beneficiary)
        + _field("02", "QRIBFTTA")  # 24/7 inter-bank transfer to an account
    )
    payload = (
        _field("00", "01")  # payload format indicator
        + _field("01", "12")  # dynamic: for one payment, amount included
        + _field("38", merchant_account)
        + _field("53", "704")  # VND
        + _field("54", str(amount_vnd))
        + _field("58", "VN")
        + _field("62", _field("08", note))  # purpose of transaction
        + "6304"  # the CRC covers its own ID and length
    )
    return payload + _crc(payload)


def qr_svg(payload: str, *, title: str) -> Markup:
    """An inline <svg> of `payload` as a QR code about 240 px wide, named by `title`.

    No XML declaration, no namespace and no style attributes, so it can sit in a page
    under a strict Content Security Policy; the white quiet zone is drawn so that it
    scans on any background.
    """
    qr = segno.make(payload, error="m", micro=False, boost_error=False)
    width, _ = qr.symbol_size()
    scale = max(2, round(_TARGET_WIDTH_PX / width))
    svg = qr.svg_inline(
        scale=scale,
        title=title,
        svgclass="vietqr",
        lineclass="vietqr__modules",
        light="#fff",
        omitsize=True,  # gives a viewBox, so CSS can shrink it; the size is set below
    )
    size = width * scale
    # segno escapes the title; role="img" makes screen readers announce it as an image.
    return Markup(svg.replace("<svg ", f'<svg width="{size}" height="{size}" role="img" ', 1))
