"""A signed-in member of an approved shop sees its tier prices wherever prices appear (the
product and combo pages, every card grid, the cart, the API), from the one pricing function;
everyone else never sees them, not even in the HTML source or the JSON."""

import re
from dataclasses import dataclass

import pytest
from flask.testing import FlaskClient

from storefront.accounts.models import Role, User
from storefront.catalog.models import Product
from storefront.combos.models import Combo
from storefront.money import format_vnd
from storefront.wholesale.models import ShopStatus
from tests.factories import (
    CategoryFactory,
    HeritageFactory,
    ImageFactory,
    ProducerFactory,
    UserFactory,
)
from tests.shopping import combo_of, stocked_product
from tests.wholesale.shops import approved_shop, shop_member, wholesale

# Retail 100.000 ₫, minimum order 10, from 50 at 85.000 ₫, from 100 at 80.000 ₫.
TEA_TIERS = [(50, 85_000), (100, 80_000)]
# Retail 225.000 ₫ (250.000 ₫ of products, 10 % off), minimum 5, from 20 at 195.000 ₫...
BOX_TIERS = [(20, 195_000), (40, 180_000)]
TIER_TEXTS = ("85.000", "80.000", "195.000", "180.000")
TIER_NUMBERS = ("85000", "80000", "195000", "180000")

# The footer's link to the shop application is for everyone; nothing else may say wholesale.
_APPLY_LINK = re.compile(r'<a href="/wholesale/apply">[^<]*</a>')


@dataclass
class Goods:
    tea: Product
    box: Combo


@pytest.fixture
def goods(db) -> Goods:
    producer, category = ProducerFactory(slug="htx-hau-giang"), CategoryFactory()
    tea = stocked_product(
        500,
        producer=producer,
        category=category,
        slug="tra-mang-cau",
        name="Trà mãng cầu",
        price_vnd=100_000,
    )
    cake = stocked_product(
        500, producer=producer, category=category, slug="banh-pia", price_vnd=150_000
    )
    honey = stocked_product(
        500, producer=producer, category=category, slug="mat-ong", price_vnd=100_000
    )
    box = combo_of((cake, 1), (honey, 1), slug="hop-qua-mang-cau", name="Hộp quà mãng cầu")
    wholesale(tea, TEA_TIERS, minimum=10)
    wholesale(box, BOX_TIERS, minimum=5)
    db.session.commit()
    return Goods(tea, box)


@pytest.fixture
def shop_client(login_as, client: FlaskClient) -> FlaskClient:
    """`client`, signed in as the owner of an approved shop, in English."""
    owner = UserFactory()
    approved_shop(owner)
    login_as(owner)
    client.set_cookie("lang", "en")
    return client


def _html(client: FlaskClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def _add(client: FlaskClient, item: str, quantity: int) -> None:
    response = client.post("/cart/add", data={"item": item, "quantity": str(quantity)})
    assert response.status_code == 302


def _numbers(html: str) -> str:
    """The page's text with no-break spaces as plain ones, to compare prices."""
    return html.replace("\u00a0", " ")


# --- What a shop member sees ---------------------------------------------------------------


def test_a_shop_member_sees_the_tier_table_item_code_and_minimum_on_the_product_page(
    shop_client, goods
):
    html = _numbers(_html(shop_client, "/catalog/products/tra-mang-cau"))

    assert "Your wholesale prices" in html
    rows = re.findall(
        r'<th scope="row">From ([\d.]+)</th>\s*<td class="num">\s*<strong>([\d. ₫]+)</strong>',
        html,
    )
    assert rows == [("10", "100.000 ₫"), ("50", "85.000 ₫"), ("100", "80.000 ₫")]
    assert "−15 %" in html and "−20 %" in html
    assert "Minimum order: 10." in html and "Retail price: 100.000 ₫." in html
    assert f"Item code: P{goods.tea.id:05d}" in html
    assert 'name="quantity" value="10" min="10" max="9999"' in html


@pytest.mark.parametrize("page", ["/catalog/products/tra-mang-cau", "/combos/hop-qua-mang-cau"])
def test_a_shop_member_may_ask_for_a_quote_from_the_item_page(shop_client, client, goods, page):
    html = _html(shop_client, page)
    code = f"P{goods.tea.id:05d}" if "products" in page else f"C{goods.box.id:05d}"
    assert f'href="/wholesale/quotes/new?sku={code}"' in html
    form = _html(shop_client, f"/wholesale/quotes/new?sku={code}")
    assert f'value="{code}"' in form


def test_a_shop_member_sees_the_tier_table_on_the_combo_page(shop_client, goods):
    html = _numbers(_html(shop_client, "/combos/hop-qua-mang-cau"))

    rows = re.findall(r'<th scope="row">From ([\d.]+)</th>', html)
    assert rows == ["5", "20", "40"]
    assert "195.000 ₫" in html and "180.000 ₫" in html and "225.000 ₫" in html
    assert "−13 %" in html and "−20 %" in html  # 30.000 of 225.000 is 13.3 %, rounded down
    assert f"Item code: C{goods.box.id:05d}" in html
    assert 'name="quantity" value="5" min="5" max="9999"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/catalog/",
        "/catalog/?q=mang+cau",
        "/combos/",
        "/producers/htx-hau-giang",
        "/catalog/products/banh-pia",  # its related products
    ],
)
def test_a_shop_member_sees_the_wholesale_badge_on_every_card_grid(shop_client, goods, url):
    html = _numbers(_html(shop_client, url))

    expects_tea = url not in ("/combos/",)
    expects_box = url in ("/", "/catalog/?q=mang+cau", "/combos/")
    assert ("Wholesale from 80.000 ₫ · min 10" in html) is expects_tea
    assert ("Wholesale from 180.000 ₫ · min 5" in html) is expects_box


def test_an_item_without_terms_shows_no_badge_and_keeps_retail_quantities(shop_client, goods):
    html = _html(shop_client, "/catalog/products/banh-pia")

    assert "Your wholesale prices" not in html
    assert 'name="quantity" value="1" min="1" max="9999"' in html  # a shop's line limit
    cards = html.split('class="product-card card"')[1:]
    assert any("tra-mang-cau" in card and "shop-badge" in card for card in cards)
    assert all("shop-badge" not in card for card in cards if "tra-mang-cau" not in card)


def test_the_api_gives_a_shop_member_its_terms_for_products_and_combos(shop_client, goods):
    tea_terms = {
        "min_quantity": 10,
        "tiers": [
            {"min_quantity": 10, "unit_price_vnd": 100_000},
            {"min_quantity": 50, "unit_price_vnd": 85_000},
            {"min_quantity": 100, "unit_price_vnd": 80_000},
        ],
    }
    box_terms = {
        "min_quantity": 5,
        "tiers": [
            {"min_quantity": 5, "unit_price_vnd": 225_000},
            {"min_quantity": 20, "unit_price_vnd": 195_000},
            {"min_quantity": 40, "unit_price_vnd": 180_000},
        ],
    }

    product = shop_client.get("/api/v1/products/tra-mang-cau").get_json()
    products = shop_client.get("/api/v1/products").get_json()["items"]
    combo = shop_client.get("/api/v1/combos/hop-qua-mang-cau").get_json()
    combos = shop_client.get("/api/v1/combos").get_json()["items"]

    assert product["wholesale"] == tea_terms and product["price_vnd"] == 100_000
    assert {p["slug"]: p.get("wholesale") for p in products} == {
        "tra-mang-cau": tea_terms,
        "banh-pia": None,
        "mat-ong": None,
    }
    assert "wholesale" not in next(p for p in products if p["slug"] == "mat-ong")
    assert combo["wholesale"] == box_terms and combo["price_vnd"] == 225_000
    assert [c["wholesale"] for c in combos] == [box_terms]


def test_the_openapi_document_describes_the_wholesale_terms(client, db):
    document = client.get("/api/v1/openapi.json").get_json()
    schemas = document["components"]["schemas"]

    assert schemas["Product"]["properties"]["wholesale"]["$ref"] == "#/components/schemas/Wholesale"
    assert schemas["Combo"]["properties"]["wholesale"]["$ref"] == "#/components/schemas/Wholesale"
    tier = schemas["Wholesale"]["properties"]["tiers"]["items"]
    assert set(tier["properties"]) == {"min_quantity", "unit_price_vnd"}


# --- The cart at every boundary --------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantity", "unit", "note"),
    [
        (10, 100_000, "Order 50 for 85.000 ₫ each."),
        (49, 100_000, "Order 50 for 85.000 ₫ each."),
        (50, 85_000, "Order 100 for 80.000 ₫ each."),
        (51, 85_000, "Order 100 for 80.000 ₫ each."),
        (99, 85_000, "Order 100 for 80.000 ₫ each."),
        (100, 80_000, None),
        (101, 80_000, None),
    ],
)
def test_the_cart_prices_a_shop_line_on_its_tier_with_the_next_tiers_saving(
    shop_client, goods, quantity, unit, note
):
    _add(shop_client, f"p{goods.tea.id}", quantity)

    html = _numbers(_html(shop_client, "/cart"))

    line_price = re.search(r'<p class="cart-line__price">(.*?)</p>', html, re.S).group(1)
    assert f"{_numbers(format_vnd(unit))} × {quantity}" in line_price
    assert f"<strong>{_numbers(format_vnd(unit * quantity))}</strong>" in line_price
    assert ("100.000 ₫</s>" in line_price) is (unit < 100_000)
    assert (f"Wholesale price for {quantity} units." in html) is (unit < 100_000)
    if note:
        assert note in html
    else:
        assert "Order 1" not in html and "Order 5" not in html
    assert "Minimum order: 10." in html
    assert f'value="{quantity}" min="0" max="9999"' in html
    assert "Solve the problems above" not in html


def test_below_the_minimum_the_cart_says_so_and_blocks_checkout(shop_client, goods, db):
    # A producer raises the minimum after the shop filled its cart.
    _add(shop_client, f"p{goods.tea.id}", 10)
    wholesale(goods.tea, TEA_TIERS, minimum=20)
    db.session.commit()

    html = _numbers(_html(shop_client, "/cart"))

    assert "Order at least 20 for the wholesale price" in html
    assert "Order 50 for 85.000 ₫ each." in html
    assert "Minimum order: 20." not in html  # the problem says it once
    assert "Solve the problems above to check out." in html


@pytest.mark.parametrize(
    ("quantity", "unit", "note"),
    [
        (19, 225_000, "Order 20 for 195.000 ₫ each."),
        (20, 195_000, "Order 40 for 180.000 ₫ each."),
        (40, 180_000, None),
    ],
)
def test_the_cart_prices_a_shop_combo_line_on_its_tier(shop_client, goods, quantity, unit, note):
    _add(shop_client, f"c{goods.box.id}", quantity)

    html = _numbers(_html(shop_client, "/cart"))

    line_price = re.search(r'<p class="cart-line__price">(.*?)</p>', html, re.S).group(1)
    assert f"{_numbers(format_vnd(unit))} × {quantity}" in line_price
    assert f"<strong>{_numbers(format_vnd(unit * quantity))}</strong>" in line_price
    assert ("225.000 ₫</s>" in line_price) is (unit < 225_000)
    assert (note in html) if note else ("Order 4" not in html)


# --- What nobody else sees -----------------------------------------------------------------


def _viewer(kind: str, login_as, goods: Goods) -> User | None:
    if kind == "anonymous":
        return None
    if kind == "producer":  # the very producer who set the tiers
        return login_as(UserFactory(role=Role.PRODUCER, producer_id=goods.tea.producer_id))
    if kind == "pending_shop_member":
        return login_as(shop_member(approved_shop(status=ShopStatus.PENDING)))
    if kind == "rejected_shop_member":
        return login_as(shop_member(approved_shop(status=ShopStatus.REJECTED)))
    return login_as({"shopper": Role.SHOPPER, "staff": Role.STAFF}[kind])


def assert_no_wholesale(text: str, where: str) -> None:
    rest = _APPLY_LINK.sub("", text)
    for figure in TIER_TEXTS + TIER_NUMBERS:
        assert figure not in rest, f"{figure} on {where}"
    assert "wholesale" not in rest.lower(), where
    assert "sỉ" not in rest.lower(), where  # the Vietnamese word


PAGES = [
    "/",
    "/catalog/products/tra-mang-cau",
    "/catalog/products/banh-pia",
    "/combos/hop-qua-mang-cau",
    "/catalog/",
    "/catalog/?q=mang+cau",
    "/combos/",
    "/producers/htx-hau-giang",
    "/combos/heritage/di-san",
    "/cart",
]
API = [
    "/api/v1/products",
    "/api/v1/products/tra-mang-cau",
    "/api/v1/combos",
    "/api/v1/combos/hop-qua-mang-cau",
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "viewer",
    [
        "anonymous",
        "shopper",
        "staff",
        "producer",
        "pending_shop_member",
        "rejected_shop_member",
    ],
)
def test_nobody_but_an_approved_shop_sees_any_wholesale_price(
    client, login_as, goods, db, viewer, lang
):
    goods.box.heritage = HeritageFactory(slug="di-san")
    db.session.commit()
    _viewer(viewer, login_as, goods)
    client.set_cookie("lang", lang)
    _add(client, f"p{goods.tea.id}", 50)
    _add(client, f"c{goods.box.id}", 40)

    for url in PAGES:
        assert_no_wholesale(_html(client, url), url)
    for url in API:
        response = client.get(url)
        assert response.status_code == 200
        assert_no_wholesale(response.get_data(as_text=True), url)

    # They buy at retail, within the retail limits.
    cart = _numbers(_html(client, "/cart"))
    assert "100.000 ₫ × 50" in cart and "225.000 ₫ × 40" in cart
    assert 'min="0" max="99"' in cart and 'max="9999"' not in cart
    product = _html(client, "/catalog/products/tra-mang-cau")
    assert 'name="quantity" value="1" min="1" max="99"' in product


# --- A fixed number of queries for a shop member ---------------------------------------------

SHOP_PAGES = [
    "/",
    "/catalog/?per_page=24",
    "/catalog/?q=mang+cau",
    "/combos/",
    "/producers/htx-hau-giang",
    "/combos/heritage/di-san",
    "/catalog/products/tra-mang-cau-0",
    "/combos/hop-qua-mang-cau-0",
    "/cart",
    "/api/v1/products",
    "/api/v1/combos",
    "/api/v1/products/tra-mang-cau-0",
    "/api/v1/combos/hop-qua-mang-cau-0",
]


def _more_goods(db, start: int, count: int) -> None:
    """`count` more products and combos, each with wholesale terms, of one producer and
    heritage place."""
    from storefront.combos.models import Heritage
    from storefront.producers.models import Producer

    producer = db.session.scalar(db.select(Producer).where(Producer.slug == "htx-hau-giang"))
    heritage = db.session.scalar(db.select(Heritage).where(Heritage.slug == "di-san"))
    for n in range(start, start + count):
        tea = stocked_product(
            500, producer=producer, slug=f"tra-mang-cau-{n}", name=f"Trà mãng cầu {n}"
        )
        ImageFactory(product=tea)
        wholesale(tea, TEA_TIERS, minimum=10)
        box = combo_of((tea, 2), slug=f"hop-qua-mang-cau-{n}", name=f"Hộp quà mãng cầu {n}")
        box.heritage = heritage
        db.session.flush()
        wholesale(box, [(20, 170_000)], minimum=5)
    db.session.commit()
    db.session.expunge_all()


def test_a_shop_members_pages_run_as_many_queries_for_2_items_as_for_12(
    shop_client, db, count_queries
):
    ProducerFactory(slug="htx-hau-giang")
    HeritageFactory(slug="di-san")
    _more_goods(db, 0, 2)
    shop_client.post("/cart/add", data={"item": "p1", "quantity": "10"}).close()

    def counts() -> dict[str, int]:
        found = {}
        for url in SHOP_PAGES:
            with count_queries() as counter:
                html = _html(shop_client, url)
            assert "hop-qua" in html or "tra-mang-cau" in html, url
            found[url] = counter.count
        return found

    few = counts()
    _more_goods(db, 2, 10)
    many = counts()

    assert few == many
    badges = _html(shop_client, "/catalog/?per_page=24").count('class="shop-badge"')
    assert badges == 12
