"""Reading a quick-order CSV file: what a line may look like, and the files refused whole,
cleanly (a 400 or 413 page that says why, in the member's language), with nothing added."""

import pytest

from storefront.cart.lines import ItemKind
from storefront.wholesale.csv_upload import FileErrorCode, FileRefused, parse_csv
from storefront.wholesale.skus import sku_of
from tests.shopping import stocked_product
from tests.wholesale.quick_orders import cart_of, report_of, sign_in_member, upload

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
TOO_LARGE = "This file is larger than 1 MB, so nothing was added."
NOT_TEXT = "This file is not a CSV text file, so nothing was added."


@pytest.fixture
def member(client, login_as):
    return sign_in_member(client, login_as)


@pytest.fixture
def rice(db):
    product = stocked_product(100, name="Gạo ST25")
    db.session.commit()
    return product


def _read(text: str | bytes) -> list[tuple]:
    data = text.encode() if isinstance(text, str) else text
    return [
        (
            row.line,
            row.sku,
            row.quantity_text,
            row.item,
            row.quantity,
            row.problem and row.problem.code,
        )
        for row in parse_csv(data)
    ]


def test_a_byte_order_mark_semicolons_and_a_header_are_read(app):
    rows = _read("\ufeffSKU;Quantity\r\nP00012;50\r\n\r\nc3 ; 2\r\n")

    assert rows == [
        (2, "P00012", "50", (ItemKind.PRODUCT, 12), 50, None),
        (4, "c3", "2", (ItemKind.COMBO, 3), 2, None),
    ]


def test_without_a_header_each_line_has_a_code_and_a_quantity(app):
    rows = _read("P00012,50\nP00012,50,x\nP00012\n\n,,\nP7,\nP7,00009\n")

    assert rows == [
        (1, "P00012", "50", (ItemKind.PRODUCT, 12), 50, None),
        (2, "P00012", "50", None, 0, "wrong_columns"),
        (3, "P00012", "", None, 0, "wrong_columns"),
        (6, "P7", "", None, 0, "no_quantity"),
        (7, "P7", "00009", (ItemKind.PRODUCT, 7), 9, None),
    ]


def test_under_a_longer_header_lines_have_its_columns_and_the_others_are_ignored(app):
    rows = _read('sku,quantity,name,min,unit price\nP1,5,"Gạo, ST25",10,100000\nP1,5\n')

    assert rows == [
        (2, "P1", "5", (ItemKind.PRODUCT, 1), 5, None),
        (3, "P1", "5", None, 0, "wrong_columns"),
    ]


@pytest.mark.parametrize(
    ("quantity", "problem"),
    [
        ("1", None),
        ("9999", None),
        ("0", "bad_quantity"),
        ("10000", "bad_quantity"),
        ("-1", "bad_quantity"),
        ("2.5", "bad_quantity"),
        ("1e3", "bad_quantity"),
        ("٣", "bad_quantity"),
        ("", "no_quantity"),
    ],
)
def test_a_quantity_is_a_whole_number_from_1_to_9999(app, quantity, problem):
    assert _read(f"P1,{quantity}\n")[0][-1] == problem


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", FileErrorCode.EMPTY),
        (b"\n \n,;\n", FileErrorCode.EMPTY),
        (b"sku,quantity\n", FileErrorCode.EMPTY),
        (PNG, FileErrorCode.NOT_TEXT),
        (b"P1,5\x00\n", FileErrorCode.NOT_TEXT),
        ("P1,5\nCà phê,1\n".encode("cp1258"), FileErrorCode.NOT_TEXT),
        ("P1,5\n".encode("utf-16"), FileErrorCode.NOT_TEXT),
        (b"P1,1\n" * 1001, FileErrorCode.TOO_MANY_LINES),
    ],
)
def test_files_refused_whole(app, data, code):
    with pytest.raises(FileRefused) as refused:
        parse_csv(data)

    assert refused.value.code is code


def test_a_thousand_lines_are_read(app):
    assert len(parse_csv(b"sku,quantity\n" + b"P1,1\n" * 1000 + b"\n\n")) == 1000


def _cart_with_one_line(client, rice):
    response = client.post("/wholesale/quick-order", data={sku_of(rice): "2"})
    assert response.status_code == 200


def test_a_10_mb_file_is_refused_with_a_message_and_nothing_is_added(client, member, rice):
    _cart_with_one_line(client, rice)
    line = f"{sku_of(rice)},1\n".encode()

    response = upload(client, line * (10 * 1024 * 1024 // len(line)))

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert TOO_LARGE in page
    assert "What was added" not in page
    assert cart_of(member) == {f"p{rice.id}": 2}


def test_a_file_over_the_apps_limit_gets_the_quick_order_page_with_the_message(
    app, client, member, rice
):
    app.config["WTF_CSRF_ENABLED"] = True  # the token is read, and the limit met, first
    before = cart_of(member)

    response = upload(client, b"P1,1\n" * (13 * 1024 * 1024 // 5))

    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert TOO_LARGE in page
    assert 'action="/wholesale/quick-order/upload"' in page
    assert cart_of(member) == before == {}


def test_over_the_apps_limit_others_get_the_stores_error_page(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    client.set_cookie("lang", "en")

    response = upload(client, b"P1,1\n" * (13 * 1024 * 1024 // 5))

    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "That file is too large to upload." in page
    assert "Upload a CSV file" not in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (PNG, NOT_TEXT),
        (b"P00001,5\n\x00\x00\x00", NOT_TEXT),
        (b"\xff\xfeP\x00", NOT_TEXT),
        (b"", "This file has no lines to add"),
        (b"P1,1\n" * 1001, "This file has 1001 lines, more than the 1000 a file may have"),
    ],
)
def test_a_file_that_is_not_a_short_text_is_refused_and_nothing_is_added(
    client, member, rice, data, message
):
    _cart_with_one_line(client, rice)

    response = upload(client, data, "photo.png")

    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert cart_of(member) == {f"p{rice.id}": 2}


def test_an_upload_without_a_file_is_refused(client, member):
    response = client.post("/wholesale/quick-order/upload", data={})

    assert response.status_code == 400
    assert "Choose a CSV file to upload." in response.get_data(as_text=True)


def test_a_file_with_a_bom_and_semicolons_is_added(client, member, rice):
    data = f"\ufeffsku;quantity\r\n{sku_of(rice)};12\r\n".encode()

    response = upload(client, data)

    assert response.status_code == 200
    rows, _ = report_of(response.get_data(as_text=True))
    assert [(row.line, row.outcome) for row in rows] == [(2, "added")]
    assert cart_of(member) == {f"p{rice.id}": 12}


def test_the_report_is_in_the_members_language(client, member, rice):
    client.set_cookie("lang", "vi")

    response = upload(client, f"{sku_of(rice)},500\n".encode())

    page = response.get_data(as_text=True)
    rows, _ = report_of(page)
    assert rows[0].outcome == "not_enough_stock"
    assert '<html lang="vi">' in page and '<th scope="col" class="num">Số lượng</th>' in page


def test_the_uploads_address_opened_as_a_page_leads_to_the_quick_order(client, member):
    response = client.get("/wholesale/quick-order/upload?lang=en")

    assert response.status_code == 302
    assert response.location == "/wholesale/quick-order?lang=en"
