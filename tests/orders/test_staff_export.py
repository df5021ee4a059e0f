"""Staff's order list as CSV (/staff/orders.csv): one row per order of the filtered list,
streamed in batches read after one another, UTF-8 with a byte-order mark, and safe to open
in a spreadsheet. Every test runs on SQLite and (marked `postgres`) on PostgreSQL."""

import contextvars
import csv
import io
from datetime import datetime, timedelta

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from storefront.accounts.models import Role
from storefront.orders.models import OrderStatus, PaymentMethod
from storefront.orders.search import OrderFilters, order_batches
from tests.factories import ProducerFactory
from tests.orders.made_orders import made_order

pytestmark = pytest.mark.usefixtures("on_both_databases")

MARCH_2 = datetime(2026, 3, 2, 3, 0)  # 10:00 in Vietnam


def rows_of(client: FlaskClient, url: str, **args: object) -> list[list[str]]:
    """The CSV's rows, header first; asserts it starts with a byte-order mark."""
    response, _streamed, body = download(client, url, **args)
    assert response.status_code == 200
    text = body.decode()
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def download(client: FlaskClient, url: str, **args: object) -> tuple[TestResponse, bool, bytes]:
    """The response as the app gives it (streamed or not) and its body, read as a WSGI
    server reads them: in one context, unbuffered (the streamed body runs in the request's
    context, which the isolated test client would otherwise have left)."""

    def fetch() -> tuple[TestResponse, bool, bytes]:
        with FlaskClient.open(client, url, query_string=args, buffered=False) as response:
            return response, response.is_streamed, response.get_data()

    return contextvars.Context().run(fetch)


@pytest.fixture
def staff(login_as):
    return login_as(Role.STAFF)


def test_the_csv_is_a_streamed_utf8_attachment_with_a_byte_order_mark(db, client, staff):
    made_order()
    db.session.commit()

    response, streamed, body = download(client, "/staff/orders.csv")

    assert response.status_code == 200
    assert streamed
    assert response.content_type == "text/csv; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename=") and disposition.endswith('.csv"')
    assert body.startswith("\ufeff".encode())


def test_the_csv_has_one_row_per_order_with_its_details(db, client, staff):
    cooperative = ProducerFactory(name="HTX Gạo Vị Thủy")
    household = ProducerFactory(name="Cơ sở Mật ong Tràm")
    order = made_order(
        producers=[cooperative, household],
        lines_each=2,
        buyer_name="Nguyễn Thị Hoà",
        email="hoa@example.vn",
        payment=PaymentMethod.BANK_TRANSFER,
        status=OrderStatus.PAID,
        placed_at=MARCH_2,
    )
    db.session.commit()

    header, *rows = rows_of(client, "/staff/orders.csv", lang="en")

    assert header[0] == "Order number" and len(header) == 16
    assert rows == [
        [
            order.number,
            "2026-03-02 10:00",
            "Paid",
            "Bank transfer",
            "Nguyễn Thị Hoà",
            "hoa@example.vn",
            "'+84912345678",  # a leading + would start a formula
            "Trần Thị Bình",
            "'+84987654321",
            "Thành phố Cần Thơ",
            "Phường Vị Thanh",
            "1 × Gạo ST25 1; 2 × Gạo ST25 2; 1 × Gạo ST25 1; 2 × Gạo ST25 2",
            "600000",
            "30000",
            "630000",
            "HTX Gạo Vị Thủy; Cơ sở Mật ong Tràm",
        ]
    ]


def test_the_csv_carries_the_lists_filters(db, client, staff):
    ours = ProducerFactory()
    wanted = made_order(producers=[ours], buyer_name="Võ Thị Sáu", status=OrderStatus.PAID)
    made_order(producers=[ours], buyer_name="Võ Thị Sáu", status=OrderStatus.CANCELLED)
    made_order(buyer_name="Võ Thị Sáu", status=OrderStatus.PAID)
    db.session.commit()

    rows = rows_of(client, "/staff/orders.csv", q="vo thi sau", status="paid", producer=ours.id)

    assert [row[0] for row in rows[1:]] == [wanted.number]


def test_text_that_a_spreadsheet_would_run_is_made_plain(db, client, staff):
    made_order(
        buyer_name='=HYPERLINK("http://evil.example", "Bấm")',
        recipient_name="@SUM(A1:A9)",
        item_name="-2+3",
    )
    db.session.commit()

    header, row = rows_of(client, "/staff/orders.csv", lang="en")

    columns = dict(zip(header, row, strict=True))
    assert columns["Buyer"] == '\'=HYPERLINK("http://evil.example", "Bấm")'
    assert columns["Recipient"] == "'@SUM(A1:A9)"
    assert columns["Items"] == "1 × -2+3 1"  # starts with a digit: harmless
    assert columns["Total (₫)"] == "130000"


def test_a_bad_filter_gives_the_list_page_saying_what_was_wrong(db, client, staff):
    response, _streamed, body = download(client, "/staff/orders.csv", status="lost", lang="en")

    assert response.status_code == 400
    assert response.content_type.startswith("text/html")
    assert "<li>Status: " in body.decode()


def test_batches_follow_one_another_newest_first_with_every_order_once(db):
    same_moment = [made_order(placed_at=MARCH_2) for _ in range(3)]
    earlier = [made_order(placed_at=MARCH_2 - timedelta(hours=n)) for n in (1, 2)]
    db.session.commit()
    newest_first = sorted(same_moment, key=lambda order: -order.id) + earlier

    batches = list(order_batches(OrderFilters(), size=2))

    assert [len(batch) for batch in batches] == [2, 2, 1]
    assert [order.number for batch in batches for order in batch] == [
        order.number for order in newest_first
    ]


def test_each_batch_costs_three_queries_however_big_its_orders(db, count_queries):
    producers = [ProducerFactory(), ProducerFactory()]
    for _ in range(9):
        made_order(producers=producers, lines_each=3)
    db.session.commit()

    with count_queries() as counter:
        batches = [len(batch) for batch in order_batches(OrderFilters(), size=4)]

    assert batches == [4, 4, 1]
    assert counter.count == 3 * 3  # orders, their lines, their fulfilments
