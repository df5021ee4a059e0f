"""The cart through HTTP: adding (with and without htmx), the header count, the cart page
priced from the database with each problem in words, changes, and the merge at sign-in."""

import pytest
from sqlalchemy import select

from storefront.cart.lines import LineKey
from storefront.cart.models import SavedCartLine
from storefront.combos.models import ComboPackaging, PackagingKind
from storefront.money import format_vnd
from tests.factories import PackagingFactory, ProductFactory, expire
from tests.shopping import combo_of, stocked_product


@pytest.fixture(autouse=True)
def _english(client) -> None:
    client.set_cookie("lang", "en")


def _add(client, item: str, quantity="1", **fields):
    return client.post("/cart/add", data={"item": item, "quantity": quantity, **fields})


def _session_cart(client) -> dict:
    with client.session_transaction() as session:
        return dict(session.get("cart", {}))


def test_a_guest_adds_a_product_and_the_header_counts_it_without_javascript(client, db) -> None:
    honey = stocked_product(10)
    db.session.commit()

    response = _add(client, f"p{honey.id}", "3", next=f"/catalog/products/{honey.slug}")

    assert response.status_code == 302
    assert response.location.endswith(f"/catalog/products/{honey.slug}")
    assert _session_cart(client) == {f"p{honey.id}": 3}
    page = client.get("/").get_data(as_text=True)
    assert '<span class="cart-link__count">3<' in page


def test_with_htmx_the_answer_swaps_the_header_count_in_place(client, db) -> None:
    honey = stocked_product(10)
    db.session.commit()

    response = client.post(
        "/cart/add", data={"item": f"p{honey.id}", "quantity": "2"}, headers={"HX-Request": "true"}
    )

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Added to your cart." in html
    assert 'id="cart-link"' in html and 'hx-swap-oob="true"' in html
    assert '<span class="cart-link__count">2<' in html


@pytest.mark.parametrize("quantity", ["0", "100", "abc", "-1", ""])
def test_a_quantity_outside_1_to_99_is_refused_and_nothing_changes(client, db, quantity) -> None:
    honey = stocked_product(10)
    db.session.commit()

    response = _add(client, f"p{honey.id}", quantity)

    assert response.status_code == 302
    assert _session_cart(client) == {}
    assert "Choose a quantity from 1 to 99." in client.get("/cart").get_data(as_text=True)


def test_items_that_cannot_be_bought_are_refused_with_the_reason(client, db) -> None:
    sold_out = stocked_product(0)
    expired = stocked_product(5)
    expire(expired)
    uncertified = ProductFactory(stock=5)
    db.session.commit()

    said = {}
    for product in (sold_out, expired, uncertified):
        html = client.post(
            "/cart/add",
            data={"item": f"p{product.id}", "quantity": "1"},
            headers={"HX-Request": "1"},
        ).get_data(as_text=True)
        said[product.id] = html
    said["unknown"] = _add(client, "p999999").status_code

    assert "This item is sold out." in said[sold_out.id]
    assert "This item cannot be bought now." in said[expired.id]
    assert "This item cannot be bought now." in said[uncertified.id]
    assert said["unknown"] == 302
    assert _session_cart(client) == {}


def test_a_combo_goes_in_with_its_packaging_and_gift_wrapping_priced_from_their_items(
    client, db
) -> None:
    rice = stocked_product(10, price_vnd=80_000)
    combo = combo_of((rice, 2))
    box = PackagingFactory(producer=rice.producer, price_vnd=35_000, stock=5)
    wrap = PackagingFactory(
        producer=rice.producer, kind=PackagingKind.WRAPPING, name="Giấy hoa tiên", price_vnd=15_000
    )
    combo.packaging.append(ComboPackaging(item=box, position=0))
    db.session.commit()

    _add(client, f"c{combo.id}", "2", packaging=str(box.id), wrap=str(wrap.id), price_vnd="1")

    key = LineKey.decode(next(iter(_session_cart(client))))
    assert (key.packaging_id, key.wrap_id) == (box.id, wrap.id)
    page = client.get("/cart").get_data(as_text=True)
    unit = round(160_000 * 0.9) + 35_000 + 15_000
    assert f"(+{format_vnd(35_000)})" in page and f"(+{format_vnd(15_000)})" in page
    assert f"{format_vnd(unit)} × 2" in page


def test_a_packaging_the_combo_does_not_offer_is_refused(client, db) -> None:
    rice = stocked_product(10)
    combo = combo_of((rice, 1))
    other_box = PackagingFactory(producer=rice.producer)
    db.session.commit()

    _add(client, f"c{combo.id}", packaging=str(other_box.id))

    assert _session_cart(client) == {}


def test_the_cart_page_prices_every_line_from_the_database_each_time(client, db) -> None:
    honey = stocked_product(10, price_vnd=100_000)
    db.session.commit()
    _add(client, f"p{honey.id}", "2")

    honey.price_vnd = 120_000
    db.session.commit()

    page = client.get("/cart").get_data(as_text=True)
    assert format_vnd(240_000) in page and format_vnd(200_000) not in page


def test_the_cart_page_says_each_problem_in_words_and_blocks_checkout(client, db) -> None:
    honey = stocked_product(10, name="Mật ong U Minh")
    rice = stocked_product(10, name="Gạo Ba Thắc")
    fish = stocked_product(10, name="Khô cá lóc")
    db.session.commit()
    for product, quantity in ((honey, 1), (rice, 5), (fish, 1)):
        _add(client, f"p{product.id}", str(quantity))
    expire(honey)
    rice.stock = 2
    fish.stock = 0
    db.session.commit()

    page = client.get("/cart").get_data(as_text=True)

    assert "OCOP certificate expired" in page
    assert "Only 2 left" in page
    assert "Sold out" in page
    assert "Solve the problems above to check out." in page
    assert 'href="/checkout"' not in page


def test_a_ready_cart_links_to_checkout(client, db) -> None:
    honey = stocked_product(10)
    db.session.commit()
    _add(client, f"p{honey.id}")

    assert 'href="/checkout"' in client.get("/cart").get_data(as_text=True)


def test_lines_change_and_go_and_bad_changes_change_nothing(client, db) -> None:
    honey, rice = stocked_product(10), stocked_product(10)
    db.session.commit()
    _add(client, f"p{honey.id}", "2")
    _add(client, f"p{rice.id}", "1")

    client.post("/cart/update", data={"key": f"p{honey.id}", "quantity": "5"})
    client.post("/cart/update", data={"key": f"p{honey.id}", "quantity": "500"})
    client.post("/cart/update", data={"key": "not-a-key", "quantity": "1"})
    client.post("/cart/remove", data={"key": f"p{rice.id}"})
    client.post("/cart/remove", data={"key": "x"})

    assert _session_cart(client) == {f"p{honey.id}": 5}
    client.post("/cart/update", data={"key": f"p{honey.id}", "quantity": "0"})
    assert _session_cart(client) == {}


def test_a_guest_cart_joins_the_account_cart_at_sign_in(client, db, login_as) -> None:
    honey, rice = stocked_product(10), stocked_product(10)
    db.session.commit()
    other = client.application.test_client()
    user = login_as(client=other)
    _add(other, f"p{honey.id}", "2")  # already in the account's cart
    _add(client, f"p{honey.id}", "3")
    _add(client, f"p{rice.id}", "1")

    login_as(user)

    rows = db.session.execute(
        select(SavedCartLine.key, SavedCartLine.quantity).where(SavedCartLine.user_id == user.id)
    ).all()
    assert sorted(rows) == sorted([(f"p{honey.id}", 5), (f"p{rice.id}", 1)])
    assert _session_cart(client) == {}
    assert '<span class="cart-link__count">6<' in client.get("/").get_data(as_text=True)


def test_the_cart_page_runs_a_fixed_number_of_queries(client, db, count_queries) -> None:
    products = [stocked_product(10) for _ in range(5)]
    rice = stocked_product(10)
    combo = combo_of((rice, 1))
    db.session.commit()
    _add(client, f"p{products[0].id}")
    with count_queries() as one:
        client.get("/cart")
    for product in products[1:]:
        _add(client, f"p{product.id}")
    _add(client, f"c{combo.id}")
    with count_queries() as many:
        client.get("/cart")

    assert many.count <= one.count + 4  # the combo's offer loaders, once for all combos
    assert many.count <= 12
