"""VietQR: the bank-transfer QR code that Vietnamese banking apps scan."""

import re
import xml.etree.ElementTree as ET

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from storefront.payments.vietqr import qr_svg, vietqr_payload

OCOP_ORDER = {
    "bank_bin": "970436",
    "account_number": "0011001932418",
    "amount_vnd": 1_250_000,
    "note": "OCOP-26-000123",
}


def parse_tlv(text: str) -> dict[str, str]:
    fields = {}
    while text:
        field_id, length = text[:2], int(text[2:4])
        fields[field_id] = text[4 : 4 + length]
        text = text[4 + length :]
    return fields


# Published payloads of github.com/subiz/vietqr (README.md and vietqr_test.go).
@pytest.mark.parametrize(
    ("bank_bin", "account_number", "amount_vnd", "note", "published"),
    [
        (
            "970415",
            "0011001932418",
            120_000,
            "ung ho lu lut",
            "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
            "530370454061200005802VN62170813ung ho lu lut6304C15C",
        ),
        (
            "970422",
            "0023457923442",
            40_123,
            "test text string",
            "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA"
            "53037045405401235802VN62200816test text string6304D9C6",
        ),
        (
            "970422",
            "0023457923442ASDFLJ",
            40_123,
            "chuyen khoan alsdkf laksj",
            "00020101021238630010A0000007270133000697042201190023457923442ASDFLJ0208QRIBFTTA"
            "53037045405401235802VN62290825chuyen khoan alsdkf laksj6304E5DB",
        ),
    ],
)
def test_payload_matches_a_published_vietqr_payload(
    bank_bin, account_number, amount_vnd, note, published
):
    payload = vietqr_payload(
        bank_bin=bank_bin, account_number=account_number, amount_vnd=amount_vnd, note=note
    )

    assert payload == published


def test_payload_carries_the_bank_account_amount_and_order_number_in_emvco_fields():
    payload = vietqr_payload(**OCOP_ORDER)

    fields = parse_tlv(payload)
    assert list(fields) == ["00", "01", "38", "53", "54", "58", "62", "63"]
    assert fields["00"] == "01"
    assert fields["01"] == "12"
    merchant_account = parse_tlv(fields["38"])
    assert merchant_account == {
        "00": "A000000727",
        "01": "000697043601130011001932418",
        "02": "QRIBFTTA",
    }
    assert parse_tlv(merchant_account["01"]) == {"00": "970436", "01": "0011001932418"}
    assert fields["53"] == "704"
    assert fields["54"] == "1250000"
    assert fields["58"] == "VN"
    assert parse_tlv(fields["62"]) == {"08": "OCOP-26-000123"}


def test_checksum_keeps_its_leading_zero():
    payload = vietqr_payload(**OCOP_ORDER)

    assert payload.endswith("630409E6")


def test_checksum_changes_with_the_amount():
    one = vietqr_payload(**OCOP_ORDER)
    other = vietqr_payload(**{**OCOP_ORDER, "amount_vnd": 1_250_001})

    assert one[-4:] != other[-4:]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"bank_bin": "97043"}, "bank BIN"),
        ({"bank_bin": "9704360"}, "bank BIN"),
        ({"bank_bin": "97043a"}, "bank BIN"),
        ({"bank_bin": "９７０４３６"}, "bank BIN"),
        ({"account_number": ""}, "account number"),
        ({"account_number": "1" * 20}, "account number"),
        ({"account_number": "0011-0019"}, "account number"),
        ({"account_number": "００１１"}, "account number"),
        ({"amount_vnd": 0}, "amount"),
        ({"amount_vnd": -50_000}, "amount"),
        ({"amount_vnd": True}, "amount"),
        ({"amount_vnd": 150_000.0}, "amount"),
        ({"amount_vnd": "150000"}, "amount"),
        ({"amount_vnd": 10**13}, "amount"),
        ({"note": ""}, "note"),
        ({"note": "   "}, "note"),
        ({"note": "X" * 26}, "note"),
        ({"note": "Đơn hàng 123"}, "note"),
        ({"note": "OCOP\n123"}, "note"),
    ],
)
def test_payload_refuses_bad_input_with_a_clear_message(change, message):
    with pytest.raises(ValueError, match=message):
        vietqr_payload(**{**OCOP_ORDER, **change})


def test_payload_accepts_the_longest_fields():
    payload = vietqr_payload(
        bank_bin="970422", account_number="A" * 19, amount_vnd=10**13 - 1, note="~" * 25
    )

    fields = parse_tlv(payload)
    assert fields["54"] == "9999999999999"
    assert parse_tlv(fields["62"]) == {"08": "~" * 25}


def rasterize(svg: ET.Element, pixels_per_module: int = 4) -> Image.Image:
    """Draw the dark modules of a segno SVG path: runs of `h` lines at half-module rows."""
    modules = int(svg.get("viewBox").split()[2]) // int(
        re.fullmatch(r"scale\((\d+)\)", svg.find("g").get("transform")).group(1)
    )
    image = Image.new("L", (modules * pixels_per_module,) * 2, 255)
    draw = ImageDraw.Draw(image)
    path = svg.find("g/path[@class='vietqr__modules']").get("d")
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            row, start, end = int(y), int(x), int(x + float(a))
            draw.rectangle(
                [
                    start * pixels_per_module,
                    row * pixels_per_module,
                    end * pixels_per_module - 1,
                    (row + 1) * pixels_per_module - 1,
                ],
                fill=0,
            )
            x += float(a)
    return image


def test_qr_svg_scans_back_to_the_payload():
    payload = vietqr_payload(**OCOP_ORDER)

    svg = ET.fromstring(qr_svg(payload, title="VietQR"))

    decoded = zxingcpp.read_barcodes(rasterize(svg), formats=zxingcpp.BarcodeFormat.QRCode)
    assert [barcode.text for barcode in decoded] == [payload]


def test_qr_svg_is_inline_html_safe_under_a_strict_csp():
    markup = qr_svg(vietqr_payload(**OCOP_ORDER), title="Quét mã <VietQR> & chuyển khoản")

    assert not markup.startswith("<?xml")
    svg = ET.fromstring(markup)
    assert svg.tag == "svg"
    assert svg.get("role") == "img"
    assert svg[0].tag == "title"
    assert svg[0].text == "Quét mã <VietQR> & chuyển khoản"
    assert all("style" not in element.attrib for element in svg.iter())
    assert svg.find("style") is None
    assert svg.get("width") == svg.get("height")
    assert 200 <= int(svg.get("width")) <= 280
    assert svg.get("viewBox") == f"0 0 {svg.get('width')} {svg.get('height')}"
