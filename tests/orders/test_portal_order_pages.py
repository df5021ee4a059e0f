"""The producer's order list (status tabs, a fixed number of queries), its packing slip,
its CSV export and its monthly sales summary."""

import csv
import io
import re
from datetime import datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from storefront.cart.lines import Lines
from storefront.cart.storage import SessionCart
from storefront.catalog.models import Product, add_months
from storefront.checkout.details import GiftOptions
from storefront.checkout.placing import place_order
from storefront.clock import today_in_vietnam
from storefront.extensions import db
from storefront.money import format_vnd
from storefront.orders.fulfilment import pack, ship
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from storefront.orders.service import cancel_order, mark_transfer_received
from storefront.producers.models import Producer
from tests.factories import UserFactory
from tests.orders.portal_shop import member_of, part_of, signed_in
from tests.shopping import (
    combo_key,
    combo_of,
    details,
    now,
    product_key,
    rules,
    shipping_table,
    stocked_product,
)

COD, TRANSFER = PaymentMethod.COD, PaymentMethod.BANK_TRANSFER

# PostgreSQL too: the export reads through a server-side cursor, the summary groups.
pytestmark = pytest.mark.usefixtures("on_both_databases")


@pytest.fixture
def rice(app: Flask) -> Product:
    shipping_table()
    product = stocked_product(500, name="Gạo Vị Thủy", price_vnd=100_000)
    db.session.commit()
    return product


@pytest.fixture
def producer(rice: Product) -> Producer:
    return rice.producer


@pytest.fixture
def browser(app: Flask, producer: Producer) -> FlaskClient:
    return signed_in(app, member_of(producer))


def _order(
    lines: Lines,
    payment: PaymentMethod = COD,
    *,
    gift: GiftOptions | None = None,
    at: datetime | None = None,
) -> Order:
    cart = SessionCart({})
    for key, quantity in lines.items():
        cart.put(key, quantity)
    order = place_order(
        cart.lines(),
        details(payment, gift=gift),
        buyer=None,
        cart=cart,
        locale="vi",
        rules=rules(),
        now=at or now(),
    )
    db.session.commit()
    return order


def _text(html: str) -> str:
    """The page's text, tags dropped and spaces squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _between(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


# --- The list ---


def test_the_tabs_count_and_filter_the_parts_by_status(browser, rice, producer) -> None:
    packer = UserFactory()
    unpaid = _order({product_key(rice): 1}, TRANSFER)
    to_pack = _order({product_key(rice): 1})
    packed = _order({product_key(rice): 1})
    pack(part_of(packed, producer), actor=packer, now=now())
    shipped = _order({product_key(rice): 1})
    pack(part_of(shipped, producer), actor=packer, now=now())
    ship(part_of(shipped, producer), actor=packer, carrier="GHN", tracking_number="GA7", now=now())

    def listed(query: str) -> set[str]:
        html = browser.get(f"/producer/orders{query}").get_data(as_text=True)
        numbers = {o.number for o in (unpaid, to_pack, packed, shipped)}
        return {number for number in numbers if number in html}

    everything = browser.get("/producer/orders").get_data(as_text=True)
    tabs = _text(_between(everything, '<nav class="part-tabs"', "</nav>"))

    assert tabs == "All 4 To do 2 To pack 2 Packed 1 Shipped 1 Delivered 0 Cancelled 0"
    assert listed("?status=todo") == {to_pack.number, packed.number}
    assert listed("?status=pending") == {unpaid.number, to_pack.number}
    assert listed("?status=shipped") == {shipped.number}
    assert listed("?status=cancelled") == set()
    assert (
        listed("?status=nonsense")
        == listed("")
        == {
            unpaid.number,
            to_pack.number,
            packed.number,
            shipped.number,
        }
    )
    assert "Waiting for payment" in everything and "GHN · GA7" in everything


def _orders_of_several_lines(rice: Product, count: int) -> None:
    honey = stocked_product(500, producer=rice.producer, price_vnd=150_000)
    combo = combo_of((rice, 1), (honey, 1))
    db.session.commit()
    for _ in range(count):
        _order({product_key(rice): 2, product_key(honey): 1, combo_key(combo): 1})


def test_the_list_takes_as_many_queries_for_20_orders_as_for_2(
    browser, rice, count_queries
) -> None:
    _orders_of_several_lines(rice, 2)
    with count_queries() as few:
        assert browser.get("/producer/orders").status_code == 200
    _orders_of_several_lines(rice, 18)

    with count_queries() as many:
        page = browser.get("/producer/orders").get_data(as_text=True)

    assert page.count('class="parts-table__number"') == 20
    assert many.count == few.count


# --- The packing slip ---


def _slip(browser: FlaskClient, order: Order, producer: Producer) -> str:
    part = part_of(order, producer)
    html = browser.get(f"/producer/orders/{part.id}/packing-slip").get_data(as_text=True)
    return _between(html, '<article class="packing-slip"', "</article>")


def test_the_packing_slip_lists_the_parcel_with_its_prices_and_the_cash_to_collect(
    browser, rice, producer
) -> None:
    combo = combo_of((rice, 2), name="Quà Tết Vị Thủy", name_en=None)
    db.session.commit()
    order = _order(
        {product_key(rice): 3, combo_key(combo): 1},
        gift=GiftOptions(message="Chúc mừng năm mới!"),
    )

    slip = _slip(browser, order, producer)

    assert order.number in slip and "Trần Thị Bình" in slip and "12 Đường 30/4" in slip
    assert "Chúc mừng năm mới!" in slip
    assert "2 × Gạo Vị Thủy" in slip  # in the combo
    assert format_vnd(100_000) in slip and format_vnd(300_000) in slip
    collect = part_of(order, producer).collect_vnd
    assert f"Cash on delivery: collect {format_vnd(collect)} in cash." in slip


def test_the_packing_slip_shows_no_price_when_the_buyer_asked_for_none(
    browser, rice, producer
) -> None:
    order = _order({product_key(rice): 3}, gift=GiftOptions(message="Tặng mẹ", hide_prices=True))

    slip = _slip(browser, order, producer)

    assert "Gạo Vị Thủy" in slip and "Tặng mẹ" in slip
    assert "₫" not in slip and "100.000" not in slip and "collect" not in slip


# --- The CSV export ---


def _csv(browser: FlaskClient, query: str = "") -> tuple[bytes, list[list[str]], dict]:
    response = browser.get(f"/producer/orders.csv{query}", buffered=True)
    assert response.status_code == 200
    body = response.get_data()
    return body, list(csv.reader(io.StringIO(body.decode("utf-8-sig")))), response.headers


def test_the_csv_gives_a_row_per_line_in_utf8_with_a_bom_and_formulas_made_plain(
    browser, rice, producer
) -> None:
    rogue = stocked_product(10, producer=producer, name='=HYPERLINK("http://x.example","ấn")')
    db.session.commit()
    placed = datetime(2026, 3, 5, 20, 30)  # 03:30 on 6 March in Vietnam
    order = _order({product_key(rice): 2, product_key(rogue): 1}, at=placed)
    part = part_of(order, producer)
    pack(part, actor=UserFactory(), now=now())
    ship(part, actor=UserFactory(), carrier="GHN", tracking_number="-42", now=now())

    body, rows, headers = _csv(browser)

    assert body.startswith(b"\xef\xbb\xbf")
    assert headers["Content-Type"] == "text/csv; charset=utf-8"
    assert headers["Content-Disposition"].startswith('attachment; filename="orders-all-')
    assert rows[0][:4] == ["Order", "Placed (Vietnam time)", "Status", "Item"]
    shipped_at = (part.shipped_at + timedelta(hours=7)).strftime("%Y-%m-%d %H:%M")  # no DST
    assert rows[1:] == [
        [
            order.number,
            "2026-03-06 03:30",
            "Shipped",
            name,
            quantity,
            price,
            total,
            "Trần Thị Bình",
            order.province.name,
            "GHN",
            "'-42",
            shipped_at,
            "",
        ]
        for name, quantity, price, total in (
            ("Gạo Vị Thủy", "2", "100000", "200000"),
            ("'" + rogue.name, "1", str(rogue.price_vnd), str(rogue.price_vnd)),
        )
    ]
    assert _csv(browser, "?status=delivered")[1][1:] == []  # the status filter applies


# --- The monthly sales summary ---


def _vnd(amount: int) -> str:
    return format_vnd(amount).replace("\xa0", " ")


def _sales_rows(html: str) -> list[list[str]]:
    body = _between(html, "<tbody>", "</tbody>")
    return [
        [_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def test_the_summary_counts_the_orders_sold_in_the_month_by_vietnam_time(
    browser, rice, producer
) -> None:
    this_month = today_in_vietnam().replace(day=1)
    month = add_months(this_month, -1)
    # Vietnam is 7 hours ahead of UTC all year.
    start = datetime(month.year, month.month, 1) - timedelta(hours=7)
    end = datetime(this_month.year, this_month.month, 1) - timedelta(hours=7)
    hour = timedelta(hours=1)
    honey = stocked_product(100, producer=producer, name="Mật ong U Minh", price_vnd=150_000)
    combo = combo_of((rice, 1), (honey, 1), name="Quà quê", name_en=None)
    someone_elses = stocked_product(100, name="Khô cá lóc")
    db.session.commit()
    staff = UserFactory()
    _order({product_key(rice): 2}, at=start + hour / 2)  # 00:30 on the 1st in Vietnam
    paid = _order({product_key(rice): 1, combo_key(combo): 1}, TRANSFER, at=end - hour / 2)
    mark_transfer_received(paid, actor=staff, now=now())
    _order({product_key(rice): 5}, at=start - hour / 2)  # the month before, in Vietnam
    _order({product_key(rice): 7}, at=end + hour / 2)  # the month after
    _order({product_key(honey): 3}, TRANSFER, at=start + 2 * hour)  # never paid
    cancelled = _order({product_key(rice): 4}, at=start + 3 * hour)
    cancel_order(cancelled, actor=None, reason="changed my mind", now=now())
    refunded = _order({product_key(rice): 6}, TRANSFER, at=start + 4 * hour)
    mark_transfer_received(refunded, actor=staff, now=now())
    refunded.status = OrderStatus.REFUNDED
    _order({product_key(someone_elses): 9}, at=start + 5 * hour)
    db.session.commit()

    html = browser.get(f"/producer/orders/summary?month={month:%Y-%m}").get_data(as_text=True)

    combo_total = paid.lines[1].total_vnd
    assert _sales_rows(html) == [
        ["Gạo Vị Thủy (hộp 500 g)", "3", _vnd(300_000)],
        ["Quà quê Combo", "1", _vnd(combo_total)],
        ["Total", "4", _vnd(300_000 + combo_total)],
    ]
    facts = _text(_between(html, '<dl class="facts month-facts"', "</dl>"))
    assert facts == f"Orders 2 Units sold 4 Revenue {_vnd(300_000 + combo_total)}"
    assert f"?month={add_months(month, -1):%Y-%m}" in html  # the month before
    assert f"?month={this_month:%Y-%m}" in html  # the month after


@pytest.mark.parametrize("month", ["2026-13", "March", "2026-3"])
def test_a_bad_month_is_refused_with_a_message_and_this_month_shown(browser, month) -> None:
    response = browser.get(f"/producer/orders/summary?month={month}")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "That is not a month: give it as YYYY-MM." in page
    assert f"Sales of {today_in_vietnam():%B %Y}" in page
    assert "No sales this month." in page
