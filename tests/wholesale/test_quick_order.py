"""Quick order: a shop member adds many lines at once, from the grid or a CSV file; each line
goes into the cart whole, through the cart's own rules, or not at all, and the report says
which and why."""

import time

import pytest

from storefront.accounts.models import Role
from storefront.combos.models import ComboPackaging
from storefront.extensions import db
from storefront.wholesale.models import ShopStatus
from storefront.wholesale.skus import sku_of
from tests.factories import PackagingFactory, ProducerFactory, UserFactory, expire
from tests.shopping import combo_of, stocked_product
from tests.wholesale.quick_orders import cart_of, report_of, sign_in_member, upload
from tests.wholesale.shops import approved_shop, shop_member, wholesale


@pytest.fixture
def member(client, login_as):
    return sign_in_member(client, login_as)


ROUTES = [
    ("get", "/wholesale/quick-order"),
    ("post", "/wholesale/quick-order"),
    ("get", "/wholesale/quick-order/template.csv"),
    ("post", "/wholesale/quick-order/upload"),
    ("get", "/wholesale/quick-order/upload"),
]
NOT_A_NUMBER = "Malformed line: the quantity must be a whole number from 1 to 9999."
ONLY = "Only %d left: your cart can hold at most that many."


def _code_message(sku: str) -> str:
    return f"Malformed line: “{sku}” is not an item code (codes look like P00012 or C00003)."


@pytest.mark.usefixtures("on_both_databases")
def test_a_500_line_file_adds_exactly_its_valid_lines_and_reports_every_line(client, member):
    # Given items of every standing: with terms and a minimum, without terms, short of
    # stock, a combo, one that has expired, one sold out, and one a few lines exhaust.
    rice = stocked_product(10_000, name="Gạo ST25", price_vnd=100_000)
    wholesale(rice, [(100, 85_000)], minimum=10)
    honey = stocked_product(500, name="Mật ong tràm", price_vnd=100_000)
    tea = stocked_product(100, name="Trà mãng cầu")
    wholesale(tea, minimum=5)
    fish = stocked_product(7, name="Khô cá lóc")
    candy = stocked_product(1_000, name="Kẹo dừa", price_vnd=100_000)
    combo = combo_of(
        (candy, 2), name="Combo kẹo dừa", name_en="Coconut candy combo"
    )  # 500 in stock, 180.000 ₫
    wholesale(combo, minimum=3)
    expired = stocked_product(50, name="Bánh pía")
    expire(expired)
    sold_out = stocked_product(0, name="Nước mắm")
    scarce = stocked_product(25, name="Mắm cá linh")
    db.session.commit()
    rice_sku, honey_sku, tea_sku, fish_sku = map(sku_of, (rice, honey, tea, fish))
    combo_sku, expired_sku, sold_sku, scarce_sku = map(sku_of, (combo, expired, sold_out, scarce))

    # ... and a file of 500 lines (a header, CRLF line ends, blank lines here and there),
    # written with the report each line should get: (line, outcome, cells as shown).
    lines = ["sku,quantity"]
    expected = []
    in_cart = {rice_sku: 0, honey_sku: 0, combo_sku: 0, scarce_sku: 0}

    def added(sku, quantity, name, price):
        in_cart[sku] += quantity
        shown = (
            str(quantity)
            if in_cart[sku] == quantity
            else f"{quantity} {in_cart[sku]} in your cart now"
        )
        return ("added", (sku, name, shown, price))

    def refused(outcome, sku, quantity, message):
        return (outcome, (sku, quantity, message))

    for i in range(500):
        kind, turn = i % 10, i // 10
        if kind == 0:
            text, outcome = f"{rice_sku},10", added(rice_sku, 10, "Gạo ST25", "85.000 ₫")
        elif kind == 1:
            text, outcome = f"{honey_sku},2", added(honey_sku, 2, "Mật ong tràm", "100.000 ₫")
        elif kind == 2:
            if turn % 2:
                text = f"{rice_sku},3,extra"
                outcome = refused(
                    "wrong_columns",
                    rice_sku,
                    "3",
                    "Malformed line: expected 2 columns (code and quantity first), found 3.",
                )
            else:
                text = honey_sku
                outcome = refused(
                    "wrong_columns",
                    honey_sku,
                    "",
                    "Malformed line: expected 2 columns (code and quantity first), found 1.",
                )
        elif kind == 3:
            quantity = ["abc", "0", "-4", "1.5", "10000", "1 000", "+3"][turn % 7]
            text, outcome = (
                f"{rice_sku},{quantity}",
                refused("bad_quantity", rice_sku, quantity, NOT_A_NUMBER),
            )
        elif kind == 4:
            sku = ["X123", "P", "12", "P-12", "Gạo ST25"][turn % 5]
            text, outcome = f"{sku},5", refused("not_a_code", sku, "5", _code_message(sku))
        elif kind == 5:
            sku = f"{'PC'[turn % 2]}{90_000 + i}"
            text = f"{sku},5"
            outcome = refused(
                "unknown_item", sku, "5", "Unknown item code: no product or combo has it."
            )
        elif kind == 6:
            quantity = str(turn % 4 + 1)
            text = f"{tea_sku},{quantity}"
            outcome = refused(
                "below_minimum", tea_sku, quantity, "The minimum order for this item is 5."
            )
        elif kind == 7:
            text, outcome = (
                f"{combo_sku},3",
                added(combo_sku, 3, "Coconut candy combo", "180.000 ₫"),
            )
        elif kind == 8:
            text, outcome = f"{fish_sku},8", refused("not_enough_stock", fish_sku, "8", ONLY % 7)
        elif turn % 5 == 0:
            text = f"{expired_sku},5"
            outcome = refused("not_for_sale", expired_sku, "5", "This item cannot be bought now.")
        elif turn % 5 == 1:
            text, outcome = (
                f"{sold_sku},5",
                refused("sold_out", sold_sku, "5", "This item is sold out."),
            )
        elif turn % 5 == 2:
            text = f'"{rice_sku},5'
            outcome = refused(
                "bad_quotes",
                f'"{rice_sku}',
                "5",
                "Malformed line: it cannot be read as CSV; check its quotation marks.",
            )
        elif turn % 5 == 3:
            text, outcome = f"{honey_sku},", ("no_quantity", None)
        elif in_cart[scarce_sku] == 0:
            text, outcome = f"{scarce_sku},20", added(scarce_sku, 20, "Mắm cá linh", "100.000 ₫")
        else:
            text, outcome = (
                f"{scarce_sku},20",
                refused("not_enough_stock", scarce_sku, "20", ONLY % 25),
            )
        lines.append(text)
        expected.append((len(lines), *outcome))
        if i % 100 == 99:
            lines.extend(["", " , "])  # blank lines are skipped, yet counted
    body = "\r\n".join(lines).encode()

    # When the member uploads it
    started = time.monotonic()
    response = upload(client, body, "đơn-hàng.csv")
    took = time.monotonic() - started

    # Then every line is reported, exactly: those not added (with why), those added (with
    # the item, the quantity and its unit price in the cart now), those left out.
    assert response.status_code == 200
    rows, left_out = report_of(response.get_data(as_text=True))
    not_added = [
        (line, outcome, (str(line), *cells))
        for line, outcome, cells in expected
        if outcome not in ("added", "no_quantity")
    ]
    were_added = [
        (line, outcome, (str(line), *cells))
        for line, outcome, cells in expected
        if outcome == "added"
    ]
    assert [(row.line, row.outcome, row.cells) for row in rows] == not_added + were_added
    assert left_out == [line for line, outcome, _ in expected if outcome == "no_quantity"]
    assert len(expected) == 500
    page = response.get_data(as_text=True)
    assert "What was added from đơn-hàng.csv" in page
    assert "151 lines added to your cart." in page
    assert "339 lines not added: see why below." in page
    assert "10 lines without a quantity left out." in page
    # ... and the cart holds exactly the valid lines' sums.
    assert cart_of(member) == {
        f"p{rice.id}": 500,
        f"p{honey.id}": 100,
        f"c{combo.id}": 150,
        f"p{scarce.id}": 20,
    }
    assert took < 30, f"the upload took {took:.1f} s"


@pytest.mark.usefixtures("on_both_databases")
def test_the_grid_adds_its_quantities_and_reports_each_row(client, member):
    rice = stocked_product(200, name="Gạo ST25", price_vnd=100_000)
    wholesale(rice, [(50, 85_000)], minimum=10)
    honey = stocked_product(3, name="Mật ong tràm")
    tea = stocked_product(100, name="Trà mãng cầu")
    wholesale(tea, minimum=5)
    db.session.commit()

    response = client.post(
        "/wholesale/quick-order",
        data={
            sku_of(rice): "60",
            sku_of(honey): "4",
            sku_of(tea): "2",
            "P99999": "",
            "C99999": "0",
        },
    )

    assert response.status_code == 200
    rows, left_out = report_of(response.get_data(as_text=True))
    assert [(row.outcome, row.cells) for row in rows] == [
        ("not_enough_stock", (sku_of(honey), "4", ONLY % 3)),
        ("below_minimum", (sku_of(tea), "2", "The minimum order for this item is 5.")),
        ("added", (sku_of(rice), "Gạo ST25", "60", "85.000 ₫")),
    ]
    assert left_out == []
    assert cart_of(member) == {f"p{rice.id}": 60}


def test_the_same_code_on_two_lines_is_added_in_turn_and_the_second_may_lack_stock(client, member):
    rice = stocked_product(25, name="Gạo ST25")
    db.session.commit()
    code = sku_of(rice)

    response = upload(client, f"{code},10\n{code},10\n{code},10\n".encode())

    rows, _ = report_of(response.get_data(as_text=True))
    assert [(row.line, row.outcome) for row in rows] == [
        (3, "not_enough_stock"),
        (1, "added"),
        (2, "added"),
    ]
    assert rows[0].cells[-1] == ONLY % 25
    assert rows[2].cells[3] == "10 20 in your cart now"
    assert cart_of(member) == {f"p{rice.id}": 20}
    page = client.get("/wholesale/quick-order").get_data(as_text=True)
    assert "The same code on several lines is added line by line, in order" in page


@pytest.mark.usefixtures("on_both_databases")
def test_a_combo_that_comes_in_packaging_goes_in_its_first_packaging_in_stock(client, member):
    candy = stocked_product(100, name="Kẹo dừa", price_vnd=50_000)
    combo = combo_of((candy, 1), name="Combo kẹo", name_en="Candy combo")  # 45.000 ₫
    empty_box = PackagingFactory(producer=candy.producer, name="Hộp hết", stock=0)
    box = PackagingFactory(
        producer=candy.producer, name="Hộp lục bình", name_en="Water hyacinth box", price_vnd=35_000
    )
    combo.packaging.extend(
        [ComboPackaging(item=empty_box, position=0), ComboPackaging(item=box, position=1)]
    )
    db.session.commit()

    grid = client.get("/wholesale/quick-order").get_data(as_text=True)
    response = client.post("/wholesale/quick-order", data={sku_of(combo): "4"})

    assert "Packed in Water hyacinth box (+35.000\u00a0₫)" in grid
    rows, _ = report_of(response.get_data(as_text=True))
    assert [(row.outcome, row.cells) for row in rows] == [
        ("added", (sku_of(combo), "Candy combo Packed in Water hyacinth box", "4", "80.000 ₫"))
    ]
    assert cart_of(member) == {f"c{combo.id}.{box.id}": 4}


def test_an_empty_grid_is_refused_and_nothing_changes(client, member):
    stocked_product(10)
    db.session.commit()

    response = client.post("/wholesale/quick-order", data={"P00001": " ", "note": "x"})

    assert response.status_code == 400
    assert "Enter a quantity for at least one item." in response.get_data(as_text=True)
    assert cart_of(member) == {}


@pytest.mark.usefixtures("on_both_databases")
def test_the_grid_lists_what_can_be_bought_with_the_shops_prices_terms_first(client, member):
    maker = ProducerFactory(name="HTX Vị Thủy")
    other = ProducerFactory(name="HTX Phụng Hiệp")
    plain = stocked_product(40, name="An plain item", producer=maker)
    tiered = stocked_product(500, name="Zz tiered rice", producer=other, price_vnd=100_000)
    wholesale(tiered, [(50, 90_000), (200, 80_000)], minimum=20)
    combo = combo_of((plain, 2), name="Combo an", name_en="Combo an")
    expire(stocked_product(10, name="An expired item"))
    stocked_product(0, name="An empty item")
    db.session.commit()

    page = client.get("/wholesale/quick-order").get_data(as_text=True)

    assert page.index("Zz tiered rice") < page.index("An plain item") < page.index("Combo an")
    assert "An expired item" not in page and "An empty item" not in page
    for text in (
        sku_of(tiered),
        sku_of(combo),
        "from 20: 100.000\u00a0₫",
        "from 50: 90.000\u00a0₫",
        "from 200: 80.000\u00a0₫",
        "gift combo of 2 items",
        f'name="{sku_of(plain)}"',
    ):
        assert text in page
    by_producer = client.get("/wholesale/quick-order?producer=" + maker.slug).get_data(as_text=True)
    assert "An plain item" in by_producer and "Combo an" in by_producer
    assert "Zz tiered rice" not in by_producer
    by_words = client.get("/wholesale/quick-order?q=tiered").get_data(as_text=True)
    assert "Zz tiered rice" in by_words and "An plain item" not in by_words
    by_code = client.get(f"/wholesale/quick-order?q={sku_of(combo).lower()}").get_data(as_text=True)
    assert "Combo an" in by_code and "An plain item" not in by_code


@pytest.mark.usefixtures("on_both_databases")
def test_the_grid_shows_50_items_a_page(client, member):
    maker = ProducerFactory()
    for n in range(53):
        stocked_product(5, name=f"Item {n:02d}", producer=maker)
    db.session.commit()

    first = client.get("/wholesale/quick-order").get_data(as_text=True)
    second = client.get("/wholesale/quick-order?page=2").get_data(as_text=True)

    assert "Item 49" in first and "Item 50" not in first
    assert "Item 50" in second and "Item 52" in second and "Item 49" not in second
    assert "Page 2 of 2" in second


def _catalogue(products: int, combos: int) -> None:
    maker = ProducerFactory()
    items = [stocked_product(100, producer=maker) for _ in range(products)]
    for n, product in enumerate(items):
        if n % 2:
            wholesale(product, [(50, 90_000)], minimum=10)
    for product in items[:combos]:
        wholesale(combo_of((product, 1)), minimum=2)
    db.session.commit()


@pytest.mark.usefixtures("on_both_databases")
@pytest.mark.parametrize("path", ["/wholesale/quick-order", "/wholesale/quick-order/template.csv"])
def test_the_grid_reads_the_same_number_of_queries_for_3_items_as_for_30(
    client, member, count_queries, path
):
    _catalogue(products=2, combos=1)
    client.get(path).close()  # the first request reads the session's user and cart
    with count_queries() as few:
        assert client.get(path).status_code == 200
    _catalogue(products=20, combos=10)
    with count_queries() as many:
        assert client.get(path).status_code == 200

    assert many.count == few.count, many.statements[few.count :]


@pytest.mark.usefixtures("on_both_databases")
def test_the_template_lists_the_grid_for_a_spreadsheet_safely(client, member):
    maker = ProducerFactory()
    rice = stocked_product(100, name="=HYPERLINK(1)", producer=maker, price_vnd=100_000)
    wholesale(rice, [(50, 85_000)], minimum=10)
    honey = stocked_product(100, name="Mật ong, tràm", producer=maker, price_vnd=120_000)
    stocked_product(100, name="Other", producer=ProducerFactory())
    db.session.commit()

    response = client.get(f"/wholesale/quick-order/template.csv?producer={maker.slug}")

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.get_data(as_text=True) == (
        "\ufeffsku,quantity,name,min,unit price\r\n"
        f"{sku_of(rice)},,'=HYPERLINK(1),10,100000\r\n"
        f'{sku_of(honey)},,"Mật ong, tràm",1,120000\r\n'
    )


def test_a_filled_in_template_adds_its_lines_and_leaves_the_rest_out(client, member):
    rice = stocked_product(100, name="Gạo")
    honey = stocked_product(100, name="Mật ong")
    db.session.commit()
    template = client.get("/wholesale/quick-order/template.csv").get_data(as_text=True)
    filled = template.replace(f"{sku_of(rice)},,", f"{sku_of(rice)},7,")

    response = upload(client, filled.encode("utf-8"))

    rows, left_out = report_of(response.get_data(as_text=True))
    assert [(row.line, row.outcome) for row in rows] == [(2, "added")]
    assert left_out == [3]  # honey's line, without a quantity
    assert cart_of(member) == {f"p{rice.id}": 7}
    assert honey.id != rice.id


def test_the_page_explains_the_file_with_an_example(client, member):
    page = client.get("/wholesale/quick-order").get_data(as_text=True)

    assert "sku,quantity\nP00012,50\nC00003,20" in page
    assert "One item per line: its code, then a comma (or a semicolon)" in page
    assert 'enctype="multipart/form-data"' in page


# --- Who may use it ---


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_anonymous_visitors_are_sent_to_sign_in(client, method, path):
    response = getattr(client, method)(path)

    assert response.status_code == 302
    assert "/account/sign-in" in response.location


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize("role", [Role.SHOPPER, Role.PRODUCER, Role.STAFF])
def test_other_roles_are_refused(client, login_as, method, path, role):
    login_as(role)

    assert getattr(client, method)(path).status_code == 403


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize("status", [ShopStatus.PENDING, ShopStatus.REJECTED])
def test_members_of_a_shop_not_approved_are_refused(client, login_as, method, path, status):
    shop = approved_shop(status=status)
    user = UserFactory(role=Role.SHOP, shop_id=shop.id)  # as if it had been approved once
    login_as(user)

    assert getattr(client, method)(path).status_code == 403


def test_any_member_of_the_shop_may_order(client, login_as):
    shop = approved_shop()
    invited = shop_member(shop)
    rice = stocked_product(50)
    login_as(invited)

    response = client.post("/wholesale/quick-order", data={sku_of(rice): "5"})

    assert response.status_code == 200
    assert cart_of(invited) == {f"p{rice.id}": 5}
