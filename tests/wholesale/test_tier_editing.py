"""Producers set the wholesale terms of their own products and combos in the portal: the
minimum order and up to five tiers, prices typed as people write them; every rule refused
with its message on the field at fault and nothing changed; another producer's item out of
reach; stopping wholesale; the list costs a fixed number of queries."""

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from storefront.accounts.models import Role, User
from storefront.catalog.models import Product
from storefront.combos.models import Combo, ComboPackaging, Consent
from storefront.extensions import db
from storefront.producers.models import Producer
from storefront.wholesale.models import WholesaleOffer, WholesaleTier
from tests.combos.portal_helpers import member_of, producer_of
from tests.factories import ComboFactory, PackagingFactory, ProducerFactory, ProductFactory
from tests.wholesale.shops import approved_shop, wholesale

NBSP = "\u00a0"


@pytest.fixture
def member(login_as: Callable[..., User], client: FlaskClient) -> User:
    """A signed-in producer member, reading English."""
    client.set_cookie("lang", "en")
    return login_as(member_of())


@pytest.fixture
def producer(member: User) -> Producer:
    return producer_of(member)


@pytest.fixture
def honey(producer: Producer) -> Product:
    product = ProductFactory(producer=producer, name="Mật ong U Minh", price_vnd=100_000)
    db.session.commit()
    return product


def terms_form(minimum: object = "10", rows: list[tuple[object, object]] = ()) -> dict:
    """The form as a browser posts it: the minimum and five rows, the unused ones empty."""
    data = {"min_quantity": str(minimum)}
    padded = list(rows) + [("", "")] * max(0, 5 - len(rows))
    for index, (quantity, price) in enumerate(padded):
        data[f"tiers-{index}-min_quantity"] = str(quantity)
        data[f"tiers-{index}-unit_price_vnd"] = str(price)
    return data


def terms_of(item: Product | Combo) -> tuple[int, list[tuple[int, int]]] | None:
    """The item's saved terms as (minimum, [(from, price), ...]), read afresh."""
    db.session.expire_all()
    column = WholesaleOffer.product_id if isinstance(item, Product) else WholesaleOffer.combo_id
    offer = db.session.scalar(select(WholesaleOffer).where(column == item.id))
    if offer is None:
        return None
    return offer.min_quantity, [(t.min_quantity, t.unit_price_vnd) for t in offer.tiers]


# --- Saving --------------------------------------------------------------------------------


def test_a_producer_saves_a_minimum_and_tiers_typed_with_or_without_dots(client, honey):
    url = f"/producer/wholesale/products/{honey.id}"
    form = terms_form(10, [("50", "85.000"), (" 100 ", "80000"), ("", "")])

    response = client.post(url, data=form)

    assert response.status_code == 302
    assert response.location.endswith(f"/producer/wholesale#product-{honey.id}")
    assert terms_of(honey) == (10, [(50, 85_000), (100, 80_000)])
    listing = client.get("/producer/wholesale").text
    assert "The wholesale prices of “Mật ong U Minh” are saved." in listing
    assert f"min 10 · from 50: 85.000{NBSP}₫ · from 100: 80.000{NBSP}₫" in listing


def test_empty_rows_between_tiers_are_left_out(client, honey):
    rows = [("", ""), ("50", "85.000 ₫"), ("", ""), ("100", "80000đ")]

    client.post(f"/producer/wholesale/products/{honey.id}", data=terms_form(1, rows)).close()

    assert terms_of(honey) == (1, [(50, 85_000), (100, 80_000)])


def test_a_minimum_alone_with_no_tiers_is_saved(client, honey):
    client.post(f"/producer/wholesale/products/{honey.id}", data=terms_form(20)).close()

    assert terms_of(honey) == (20, [])
    assert "min 20" in client.get("/producer/wholesale").text


@pytest.mark.usefixtures("on_both_databases")
def test_saving_again_replaces_the_tiers_even_where_one_starts_at_the_same_quantity(client, honey):
    url = f"/producer/wholesale/products/{honey.id}"
    client.post(url, data=terms_form(10, [(50, 85_000), (100, 80_000)])).close()

    response = client.post(url, data=terms_form(5, [(50, 90_000), (200, 75_000)]))

    assert response.status_code == 302
    assert terms_of(honey) == (5, [(50, 90_000), (200, 75_000)])
    assert db.session.scalar(select(db.func.count()).select_from(WholesaleTier)) == 2


def test_the_form_shows_the_retail_price_and_is_filled_with_the_saved_terms(client, honey):
    wholesale(honey, [(50, 85_000), (100, 80_000)], minimum=10)
    db.session.commit()

    html = client.get(f"/producer/wholesale/products/{honey.id}").text

    assert f"100.000{NBSP}₫" in html
    assert 'name="min_quantity"' in html and 'value="10"' in html
    assert 'id="tiers-0-min_quantity"' in html and 'value="50"' in html
    assert 'value="85000"' in html and 'value="80000"' in html
    assert 'id="tiers-4-unit_price_vnd"' in html  # five rows, the last ones empty
    assert "Stop selling wholesale" in html


def test_an_item_without_terms_starts_at_a_minimum_of_one_and_cannot_be_stopped(client, honey):
    html = client.get(f"/producer/wholesale/products/{honey.id}").text

    assert 'value="1"' in html
    assert "Stop selling wholesale" not in html


def test_a_combo_s_tiers_stay_below_the_price_shoppers_are_offered_today(client, producer):
    part = ProductFactory(producer=producer, price_vnd=100_000)
    combo = ComboFactory(owner=producer, parts=[(part, 2)], name="Quà Vị Thanh", percent_off=10)
    db.session.commit()
    url = f"/producer/wholesale/combos/{combo.id}"

    assert f"180.000{NBSP}₫" in client.get(url).text
    refused = client.post(url, data=terms_form(5, [(20, 180_000)]))
    saved = client.post(url, data=terms_form(5, [(20, 179_999)]))

    assert refused.status_code == 400
    assert f"below the retail price of 180.000{NBSP}₫" in refused.text
    assert saved.status_code == 302
    assert saved.location.endswith(f"/producer/wholesale#combo-{combo.id}")
    assert terms_of(combo) == (5, [(20, 179_999)])


# --- Refusals ------------------------------------------------------------------------------

REFUSALS = {
    "tier_not_below_retail": (
        terms_form(10, [(50, 100_000)]),
        "A wholesale price must be below the retail price of 100.000\u00a0₫.",
        "tiers-0-unit_price_vnd",
    ),
    "prices_not_falling": (
        terms_form(10, [(50, 85_000), (100, 85_000)]),
        "Prices must fall as quantities rise: the tier from 100 units must cost less than "
        "85.000\u00a0₫.",
        "tiers-1-unit_price_vnd",
    ),
    "quantities_not_rising": (
        terms_form(10, [(100, 85_000), (50, 80_000)]),
        "Each tier must start at more units than the one before (50 is not).",
        "tiers-1-min_quantity",
    ),
    "the_same_quantity_twice": (
        terms_form(10, [(50, 85_000), ("", ""), (50, 80_000)]),
        "Each tier must start at more units than the one before (50 is not).",
        "tiers-2-min_quantity",
    ),
    "tier_below_minimum": (
        terms_form(60, [(50, 85_000)]),
        "A tier cannot start below the minimum order of 60 units.",
        "tiers-0-min_quantity",
    ),
    "tier_past_the_largest_order": (
        terms_form(10, [(10_000, 85_000)]),
        "Each tier must start at more units than the one before (10000 is not).",
        "tiers-0-min_quantity",
    ),
    "minimum_zero": (
        terms_form(0),
        "Enter the minimum order as a whole number from 1 to 9.999.",
        "min_quantity",
    ),
    "minimum_too_large": (
        terms_form(10_000),
        "Enter the minimum order as a whole number from 1 to 9.999.",
        "min_quantity",
    ),
    "minimum_empty": (
        terms_form(""),
        "Enter the minimum order as a whole number from 1 to 9.999.",
        "min_quantity",
    ),
    "minimum_not_a_number": (
        terms_form("mười"),
        "Enter the minimum order as a whole number from 1 to 9.999.",
        "min_quantity",
    ),
    "quantity_not_a_number": (
        terms_form(10, [("năm mươi", 85_000)]),
        "Enter the quantity as a whole number of units, such as 50.",
        "tiers-0-min_quantity",
    ),
    "price_not_a_number": (
        terms_form(10, [(50, "85k")]),
        "Enter the unit price in whole đồng, such as 85.000.",
        "tiers-0-unit_price_vnd",
    ),
    "price_zero": (
        terms_form(10, [(50, "0")]),
        "Enter a unit price above 0 đồng.",
        "tiers-0-unit_price_vnd",
    ),
    "price_without_quantity": (
        terms_form(10, [(50, 85_000), ("", 80_000)]),
        "Enter both the quantity and the unit price of this tier, or neither.",
        "tiers-1-min_quantity",
    ),
    "quantity_without_price": (
        terms_form(10, [(50, "")]),
        "Enter both the quantity and the unit price of this tier, or neither.",
        "tiers-0-unit_price_vnd",
    ),
}


@pytest.mark.parametrize(("form", "message", "field"), REFUSALS.values(), ids=REFUSALS.keys())
def test_each_rule_is_refused_with_its_message_on_the_field_and_nothing_changes(
    client, honey, form, message, field
):
    wholesale(honey, [(40, 95_000)], minimum=20)
    db.session.commit()

    response = client.post(f"/producer/wholesale/products/{honey.id}", data=form)

    assert response.status_code == 400
    html = response.text
    assert "Nothing was saved." in html
    assert message in html
    assert f'id="{field}-error"' in html  # the message sits under the field at fault
    assert html.count('aria-invalid="true"') == 1
    assert terms_of(honey) == (20, [(40, 95_000)])


def test_more_than_five_tiers_are_refused_not_cut_short(client, honey):
    rows = [(10 * n, 100_000 - 1_000 * n) for n in range(1, 7)]

    response = client.post(f"/producer/wholesale/products/{honey.id}", data=terms_form(1, rows))

    assert response.status_code == 400
    assert "Give at most 5 price tiers." in response.text
    assert terms_of(honey) is None


def test_a_refused_form_keeps_what_was_typed(client, honey):
    form = terms_form(10, [(50, "85.000"), (100, "90.000")])

    html = client.post(f"/producer/wholesale/products/{honey.id}", data=form).text

    assert 'value="85.000"' in html and 'value="90.000"' in html


# --- Stopping wholesale --------------------------------------------------------------------


def test_stopping_wholesale_removes_the_terms_and_shops_pay_retail(client, honey):
    wholesale(honey, [(50, 85_000)], minimum=10)
    db.session.commit()

    response = client.post(f"/producer/wholesale/products/{honey.id}/remove")

    assert response.status_code == 302
    assert response.location.endswith(f"/producer/wholesale#product-{honey.id}")
    assert terms_of(honey) is None
    assert db.session.scalar(select(db.func.count()).select_from(WholesaleTier)) == 0
    listing = client.get("/producer/wholesale").text
    assert "“Mật ong U Minh” is no longer sold wholesale" in listing
    assert "Retail only" in listing


def test_stopping_an_item_without_terms_changes_nothing(client, honey):
    response = client.post(f"/producer/wholesale/products/{honey.id}/remove")

    assert response.status_code == 302
    assert terms_of(honey) is None


# --- Another producer's items --------------------------------------------------------------


@pytest.fixture
def others() -> tuple[Product, Combo]:
    """Another producer's product and combo, each with wholesale terms. The combo holds a
    product of the signed-in member's producer too: only its owner sets its terms."""
    other = ProducerFactory()
    product = ProductFactory(producer=other, price_vnd=100_000)
    combo = ComboFactory(owner=other, parts=[(product, 1)])
    wholesale(product, [(50, 85_000)], minimum=10)
    wholesale(combo, [(20, 80_000)], minimum=5)
    db.session.commit()
    return product, combo


@pytest.mark.parametrize("kind", ["products", "combos"])
def test_another_producer_s_item_is_a_404_and_nothing_changes(client, member, others, kind):
    item = others[0] if kind == "products" else others[1]
    before = terms_of(item)
    url = f"/producer/wholesale/{kind}/{item.id}"

    assert client.get(url).status_code == 404
    assert client.post(url, data=terms_form(1, [(2, 1_000)])).status_code == 404
    assert client.post(f"{url}/remove").status_code == 404
    assert terms_of(item) == before
    assert f'href="{url}"' not in client.get("/producer/wholesale").text


def test_a_combo_holding_my_product_is_still_its_owner_s_to_price(client, producer):
    mine = ProductFactory(producer=producer)
    other = ProducerFactory()
    combo = ComboFactory(owner=other, parts=[(mine, 1), (ProductFactory(producer=other), 1)])
    db.session.commit()

    assert client.get(f"/producer/wholesale/combos/{combo.id}").status_code == 404
    assert client.post(f"/producer/wholesale/combos/{combo.id}/remove").status_code == 404


def test_an_unknown_item_is_a_404(client, member):
    assert client.get("/producer/wholesale/products/9999").status_code == 404
    assert client.get("/producer/wholesale/combos/9999").status_code == 404


@pytest.mark.parametrize("role", [Role.SHOPPER, Role.SHOP, Role.STAFF])
def test_only_producer_members_reach_the_pages(client, login_as, honey, role):
    user = login_as(role)
    if role is Role.SHOP:
        approved_shop(user)
        db.session.commit()
    url = f"/producer/wholesale/products/{honey.id}"

    assert client.get("/producer/wholesale").status_code == 403
    assert client.get(url).status_code == 403
    assert client.post(url, data=terms_form(1, [(2, 1_000)])).status_code == 403
    assert client.post(f"{url}/remove").status_code == 403
    assert terms_of(honey) is None


def test_anonymous_visitors_are_sent_to_sign_in(app, honey):
    visitor = app.test_client()
    url = f"/producer/wholesale/products/{honey.id}"

    for response in (
        visitor.get("/producer/wholesale"),
        visitor.get(url),
        visitor.post(url, data=terms_form(1, [(2, 1_000)])),
        visitor.post(f"{url}/remove"),
    ):
        assert response.status_code == 302
        assert "/account/sign-in" in response.location
    assert terms_of(honey) is None


# --- The list ------------------------------------------------------------------------------


def test_the_list_shows_products_and_own_combos_with_retail_price_and_terms(client, producer):
    honey = ProductFactory(producer=producer, name="Mật ong U Minh", price_vnd=100_000)
    rice = ProductFactory(producer=producer, name="Gạo Một Bụi", price_vnd=45_000)
    combo = ComboFactory(owner=producer, parts=[(honey, 1), (rice, 2)], name="Quà Vị Thanh")
    ComboFactory(owner=ProducerFactory(), parts=[(honey, 1)], name="Quà của người khác")
    wholesale(honey, [(50, 85_000), (100, 80_000)], minimum=10)
    wholesale(combo, [(20, 150_000)], minimum=5)
    db.session.commit()

    html = client.get("/producer/wholesale").text

    assert f"min 10 · from 50: 85.000{NBSP}₫ · from 100: 80.000{NBSP}₫" in html
    assert f"min 5 · from 20: 150.000{NBSP}₫" in html
    assert html.count("Retail only") == 1  # the rice
    assert f"171.000{NBSP}₫" in html  # the combo: 190.000 ₫ less 10 %
    assert f'href="/producer/wholesale/combos/{combo.id}"' in html
    assert f'href="/producer/wholesale/products/{rice.id}"' in html
    assert "Quà của người khác" not in html


def test_the_list_flags_a_tier_left_above_a_lowered_retail_price(client, honey):
    wholesale(honey, [(50, 85_000)], minimum=10)
    honey.price_vnd = 80_000
    db.session.commit()

    html = client.get("/producer/wholesale").text

    assert "A tier is no longer below retail: shops pay retail there." in html


def test_the_portal_navigation_and_the_product_page_link_to_wholesale_prices(client, honey):
    assert 'href="/producer/wholesale"' in client.get("/producer/").text
    product_page = client.get(f"/producer/products/{honey.id}").text
    assert f'href="/producer/wholesale/products/{honey.id}"' in product_page


def _build(producer: Producer, count: int) -> None:
    """`count` products with terms, and `count` combos of two parts with packaging and terms."""
    for n in range(count):
        a = ProductFactory(producer=producer, price_vnd=100_000, stars=4)
        b = ProductFactory(producer=ProducerFactory(), price_vnd=50_000, stars=3)
        combo = ComboFactory(
            owner=producer, parts=[(a, 1), (b, 2)], parts__consent=Consent.ACCEPTED
        )
        combo.packaging.append(ComboPackaging(item=PackagingFactory(producer=producer)))
        wholesale(a, [(50, 90_000), (100 + n, 85_000)], minimum=10)
        wholesale(combo, [(20, 150_000)], minimum=5)
    db.session.commit()
    db.session.expunge_all()


@pytest.mark.parametrize("count", [1, 6])
def test_the_list_runs_a_fixed_number_of_queries(client, producer, count_queries, count):
    """2 items or 12 (products and combos, each with terms): the same 10 queries. The user
    and the producer; products; combos, their parts and packaging; offers and their tiers;
    the layout's menu and cart count."""
    _build(producer, count)

    with count_queries() as counter:
        response = client.get("/producer/wholesale")

    assert response.status_code == 200
    assert response.text.count("min 10 · from 50:") == count
    assert counter.count == 10
