"""Staff's list of every order (/staff/orders): newest first, 50 a page, filtered by status,
payment method, producer, province and placed dates, and searched by order number, e-mail,
phone or name; bad filters are told, not fatal; a page costs the same queries however big
its orders are. Every test runs on SQLite and (marked `postgres`) on PostgreSQL."""

import re
from datetime import datetime, timedelta
from html import unescape

import pytest
from flask.testing import FlaskClient

from storefront.accounts.models import Role
from storefront.money import format_vnd
from storefront.orders.models import OrderStatus, PaymentMethod
from tests.factories import ProducerFactory
from tests.orders.made_orders import made_order

pytestmark = pytest.mark.usefixtures("on_both_databases")

HA_NOI, HA_NOI_WARD = 1, 4  # Thành phố Hà Nội, Phường Ba Đình
MARCH_2 = datetime(2026, 3, 2, 3, 0)  # 10:00 in Vietnam


def listed(client: FlaskClient, **args: object) -> list[str]:
    """The order numbers the list shows, top to bottom; asserts it answered 200."""
    response = client.get("/staff/orders", query_string=args)
    assert response.status_code == 200
    return re.findall(r">(OCOP-\d\d-\d{6})</a>", response.text)


@pytest.fixture
def staff(login_as):
    return login_as(Role.STAFF)


def test_staff_see_every_order_newest_first_with_what_its_row_shows(db, client, staff):
    older = made_order(placed_at=MARCH_2 - timedelta(days=1))
    cooperative = ProducerFactory(name="HTX Gạo Vị Thủy")
    household = ProducerFactory(name="Cơ sở Mật ong Tràm")
    newer = made_order(
        producers=[cooperative, household],
        buyer_name="Lê Thị Hoa",
        email="hoa@example.vn",
        province_code=HA_NOI,
        ward_code=HA_NOI_WARD,
        payment=PaymentMethod.BANK_TRANSFER,
        status=OrderStatus.PAID,
        placed_at=MARCH_2,
    )
    db.session.commit()

    response = client.get("/staff/orders")

    assert listed(client) == [newer.number, older.number]
    page = unescape(response.text)
    assert "2 đơn hàng" in page or "2 orders" in page
    row = page[page.index(newer.number) : page.index(older.number)]
    assert f'/staff/orders/{newer.number}"' in response.text
    for shown in ("Lê Thị Hoa", "hoa@example.vn", "Thành phố Hà Nội", format_vnd(230_000)):
        assert shown in row
    assert "HTX Gạo Vị Thủy" in row and "Cơ sở Mật ong Tràm" in row
    assert "order-status--paid" in row
    assert "02/03/2026" in row or "2/3/26" in row


def test_the_status_filter_keeps_orders_in_that_status(db, client, staff):
    paid = made_order(status=OrderStatus.PAID)
    made_order(status=OrderStatus.CANCELLED)
    db.session.commit()

    assert listed(client, status="paid") == [paid.number]


def test_the_payment_filter_keeps_orders_paid_that_way(db, client, staff):
    made_order(payment=PaymentMethod.COD)
    by_card = made_order(payment=PaymentMethod.CARD, status=OrderStatus.PAID)
    db.session.commit()

    assert listed(client, payment="card") == [by_card.number]


def test_the_producer_filter_keeps_orders_with_a_part_of_that_producer(db, client, staff):
    ours, theirs = ProducerFactory(), ProducerFactory()
    shared = made_order(producers=[theirs, ours], placed_at=MARCH_2)
    only_ours = made_order(producers=[ours], placed_at=MARCH_2 - timedelta(hours=1))
    made_order(producers=[theirs])
    db.session.commit()

    assert listed(client, producer=ours.id) == [shared.number, only_ours.number]


def test_the_producer_select_lists_producers_by_name(db, client, staff):
    ProducerFactory(name="Ông Út Khô cá")
    ProducerFactory(name="An Phú")
    db.session.commit()

    page = client.get("/staff/orders").text

    assert page.index("An Phú") < page.index("Ông Út Khô cá")


def test_the_province_filter_keeps_orders_delivered_there(db, client, staff):
    made_order()  # Cần Thơ
    to_ha_noi = made_order(province_code=HA_NOI, ward_code=HA_NOI_WARD)
    db.session.commit()

    assert listed(client, province=HA_NOI) == [to_ha_noi.number]


def test_placed_dates_are_vietnam_days_both_inclusive(db, client, staff):
    # 17:30 UTC on 1 March is 00:30 on 2 March in Vietnam.
    just_after_midnight = made_order(placed_at=datetime(2026, 3, 1, 17, 30))
    late_on_the_first = made_order(placed_at=datetime(2026, 3, 1, 16, 59))
    on_the_third = made_order(placed_at=datetime(2026, 3, 3, 16, 59))  # 23:59 in Vietnam
    db.session.commit()

    assert listed(client, **{"from": "2026-03-02", "to": "2026-03-02"}) == [
        just_after_midnight.number
    ]
    assert listed(client, to="2026-03-01") == [late_on_the_first.number]
    assert listed(client, **{"from": "2026-03-02"}) == [
        on_the_third.number,
        just_after_midnight.number,
    ]
    assert listed(client, **{"from": "02/03/2026", "to": "03/03/2026"}) == [
        on_the_third.number,
        just_after_midnight.number,
    ]


def test_search_finds_an_order_by_its_number_in_full_or_by_its_digits(db, client, staff):
    wanted = made_order(placed_at=MARCH_2)
    made_order(placed_at=MARCH_2)
    db.session.commit()
    digits = wanted.number.rsplit("-", 1)[1]

    assert listed(client, q=wanted.number) == [wanted.number]
    assert listed(client, q=wanted.number.lower()) == [wanted.number]
    assert listed(client, q=digits) == [wanted.number]
    assert listed(client, q=str(int(digits))) == [wanted.number]
    assert listed(client, q="OCOP-26-999999") == []


def test_search_finds_part_of_an_e_mail_address_whatever_its_case(db, client, staff):
    wanted = made_order(email="hoa.nguyen@example.vn")
    made_order(email="binh@example.vn")
    db.session.commit()

    assert listed(client, q="Hoa.Nguyen@") == [wanted.number]
    assert listed(client, q="HOA.NGUYEN@EXAMPLE.VN") == [wanted.number]


def test_search_finds_the_buyers_or_recipients_phone_however_it_is_written(db, client, staff):
    bought = made_order(buyer_phone="+84901234567", recipient_phone="+84987654321")
    received = made_order(buyer_phone="+84912345678", recipient_phone="+84901234567")
    made_order(buyer_phone="+84912345678", recipient_phone="+84987654321")
    db.session.commit()

    both = sorted([bought.number, received.number])
    assert sorted(listed(client, q="0901 234 567")) == both
    assert sorted(listed(client, q="+84901234567")) == both
    assert sorted(listed(client, q="090.123.4567")) == both


def test_search_finds_a_name_without_its_diacritics(db, client, staff):
    buyer = made_order(buyer_name="Nguyễn Thị Hoà", recipient_name="Lê Văn Tám")
    recipient = made_order(buyer_name="Phạm Minh Đức", recipient_name="NGUYỄN THỊ HOÀ")
    made_order(buyer_name="Nguyễn Văn An", recipient_name="Trần Thị Bình")
    db.session.commit()

    both = sorted([buyer.number, recipient.number])
    assert sorted(listed(client, q="nguyen thi hoa")) == both
    assert sorted(listed(client, q="Nguyễn Thị Hoà")) == both
    assert listed(client, q="duc") == [recipient.number]


def test_one_or_two_letters_find_a_whole_word_of_a_name(db, client, staff):
    an = made_order(buyer_name="Nguyễn Văn An", recipient_name="Trần Thị Bình")
    first_word = made_order(buyer_name="An Nhiên", recipient_name="Lê Văn Tám")
    made_order(buyer_name="Lê Thị Lan", recipient_name="Phạm Xuân Trường", email="an@x.vn")
    db.session.commit()

    assert sorted(listed(client, q="ÂN")) == sorted([an.number, first_word.number])


def test_filters_and_search_combine(db, client, staff):
    ours = ProducerFactory()
    wanted = made_order(producers=[ours], buyer_name="Võ Thị Sáu", status=OrderStatus.PAID)
    made_order(producers=[ours], buyer_name="Võ Thị Sáu", status=OrderStatus.CANCELLED)
    made_order(buyer_name="Võ Thị Sáu", status=OrderStatus.PAID)
    made_order(producers=[ours], buyer_name="Lý Tự Trọng", status=OrderStatus.PAID)
    db.session.commit()

    assert listed(client, q="vo thi sau", status="paid", producer=ours.id) == [wanted.number]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"status": "lost"}, "Status"),
        ({"payment": "cheque"}, "Payment method"),
        ({"producer": "abc"}, "Producer"),
        ({"province": "9999"}, "Province or city"),
        ({"province": "3"}, "Province or city"),  # no province has code 3
        ({"from": "yesterday"}, "Placed from"),
        ({"from": "0001-01-01"}, "Placed from"),  # no day before it in Vietnam's time
        ({"to": "9999-12-31"}, "Placed until"),
        ({"from": "2026-03-01", "to": "2026-02-01"}, "Placed until"),
        ({"page": "two"}, "Page"),
    ],
)
def test_a_bad_filter_is_told_and_left_out(db, client, staff, args, field):
    order = made_order(placed_at=MARCH_2)
    db.session.commit()

    response = client.get("/staff/orders", query_string={**args, "lang": "en"})

    assert response.status_code == 200
    assert "could not be understood" in response.text
    assert f"<li>{field}: " in response.text
    assert order.number in response.text


def test_control_characters_in_the_search_are_dropped(db, client, staff):
    wanted = made_order(buyer_name="Võ Thị Sáu")
    made_order(buyer_name="Lý Tự Trọng")
    db.session.commit()

    assert listed(client, q="vo thi\x00 sau") == [wanted.number]  # PostgreSQL refuses NUL


def test_the_form_shows_the_filters_in_force(db, client, staff):
    ours = ProducerFactory()
    db.session.commit()

    page = client.get(
        "/staff/orders",
        query_string={
            "q": "hoa",
            "status": "paid",
            "payment": "card",
            "producer": ours.id,
            "province": HA_NOI,
            "from": "2026-03-01",
            "to": "2026-03-31",
        },
    ).text

    assert 'name="q" value="hoa"' in page
    assert '<option value="paid" selected>' in page
    assert '<option value="card" selected>' in page
    assert f'<option value="{ours.id}" selected>' in page
    assert f'<option value="{HA_NOI}" selected>' in page
    assert 'name="from" value="2026-03-01"' in page
    assert 'name="to" value="2026-03-31"' in page


def test_the_csv_link_carries_the_filters_in_force_and_not_the_bad_ones(db, client, staff):
    page = client.get(
        "/staff/orders", query_string={"q": "hoa", "status": "paid", "payment": "cheque"}
    ).text

    link = unescape(re.search(r'href="([^"]*/staff/orders\.csv[^"]*)"', page)[1])
    assert link.startswith("/staff/orders.csv?")
    assert sorted(link.split("?")[1].split("&")) == ["q=hoa", "status=paid"]


def test_the_list_shows_fifty_orders_a_page(db, client, staff):
    orders = [made_order(placed_at=MARCH_2 + timedelta(minutes=n)) for n in range(53)]
    db.session.commit()
    newest_first = [order.number for order in reversed(orders)]

    assert listed(client) == newest_first[:50]
    assert listed(client, page=2) == newest_first[50:]
    assert listed(client, page=9) == newest_first[50:]  # past the end: the last page
    assert "53" in client.get("/staff/orders").text


def test_a_page_costs_the_same_queries_however_many_orders_lines_and_producers(
    db, client, staff, count_queries
):
    def queries_of_the_list() -> int:
        listed(client)  # warm: the session's user, the templates
        with count_queries() as counter:
            listed(client, status="confirmed")
        return counter.count

    producers = [ProducerFactory() for _ in range(4)]
    for _ in range(3):
        made_order(producers=producers[:1])
    db.session.commit()
    few = queries_of_the_list()

    for n in range(60):
        made_order(producers=[producers[n % 4], producers[(n + 1) % 4]], lines_each=3)
    db.session.commit()
    many = queries_of_the_list()

    assert few == many
    assert many <= 8  # the user, count, orders, fulfilments, producers; the layout's own
