"""Searching finds combos with the products' folding rules: without accents, in any case,
by the combo's name, its heritage entry, its products or their producers; the catalogue
search shows the best matching combos above the products."""

import pytest

from storefront.combos.models import Consent
from tests.factories import ComboFactory, HeritageFactory, ProducerFactory, ProductFactory
from tests.pages import combo_card_slugs

pytestmark = pytest.mark.usefixtures("on_both_databases")


@pytest.fixture
def combos(db):
    owner = ProducerFactory(name="HTX Hỏa Tiến")
    honey_maker = ProducerFactory(name="Cơ sở Mật ong U Minh")
    pineapple = ProductFactory(producer=owner, name="Khóm sấy dẻo", stars=4)
    cake = ProductFactory(producer=owner, name="Bánh pía", stars=4)
    chicken = ProductFactory(producer=owner, name="Gà ta", stars=3)
    honey = ProductFactory(producer=honey_maker, name="Mật ong rừng tràm", stars=4)
    ProductFactory(name="Khóm Cầu Đúc tươi", stars=3)  # in no combo
    market = HeritageFactory(name="Chợ nổi Ngã Bảy", name_en="Ngã Bảy floating market")
    ComboFactory(
        slug="khom-cau-duc",
        name="Khóm Cầu Đúc",
        name_en="Cầu Đúc pineapple box",
        owner=owner,
        parts=[(pineapple, 2)],
    )
    ComboFactory(
        slug="cho-noi",
        name="Hương vị chợ nổi",
        owner=owner,
        heritage=market,
        parts=[(cake, 1), (honey, 1)],
        parts__consent=Consent.ACCEPTED,
    )
    # "Khom" appears only folded here (in "Khởm"), and as typed in the first combo.
    ComboFactory(slug="khom-ga", name="Combo Khởm Gà", owner=owner, parts=[(chicken, 1)])
    db.session.commit()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("khom cau duc", ["khom-cau-duc"]),
        ("KHÓM CẦU ĐÚC", ["khom-cau-duc"]),
        ("Khóm Cầu Đ", ["khom-cau-duc"]),  # the last word may be still being typed
        ("pineapple", ["khom-cau-duc"]),
        ("cho noi nga bay", ["cho-noi"]),
        ("floating market", ["cho-noi"]),
        ("mat ong", ["cho-noi"]),  # a component's product
        ("u minh", ["cho-noi"]),  # a component's producer
        ("sushi", []),
        ("!!!", []),
    ],
)
def test_search_without_accents_finds_combos_on_the_page_and_the_api(
    client, combos, query, expected
):
    assert combo_card_slugs(client.get("/combos/", query_string={"q": query}).text) == expected
    body = client.get("/api/v1/combos", query_string={"q": query}).get_json()
    assert [item["slug"] for item in body["items"]] == expected


def test_search_ranks_the_words_as_typed_first(client, combos):
    assert combo_card_slugs(client.get("/combos/?q=Khóm").text)[0] == "khom-cau-duc"
    assert combo_card_slugs(client.get("/combos/?q=Khởm").text)[0] == "khom-ga"


def test_catalogue_search_shows_matching_combos_above_the_products(client, combos):
    page = client.get("/catalog/?q=khom+cau+duc&lang=en").text

    combos_at = page.index('class="search-combos"')
    products_at = page.index('class="product-card')
    assert combos_at < products_at
    assert combo_card_slugs(page) == ["khom-cau-duc"]
    assert 'href="/combos/?q=khom+cau+duc"' in page
    assert "Gift combos for “khom cau duc”" in page


def test_catalogue_search_shows_at_most_four_combos(client, combos, db):
    owner = ProducerFactory()
    product = ProductFactory(producer=owner, stars=3)
    for n in range(6):
        ComboFactory(slug=f"dac-san-{n}", name=f"Đặc sản {n}", owner=owner, parts=[(product, 1)])
    db.session.commit()

    page = client.get("/catalog/?q=dac+san").text

    assert len(combo_card_slugs(page)) == 4
    assert client.get("/api/v1/combos?q=dac+san").get_json()["total"] == 6


def test_catalogue_search_finding_only_combos_points_to_them(client, combos):
    page = client.get("/catalog/?q=floating+market&lang=en").text

    assert combo_card_slugs(page) == ["cho-noi"]
    assert "No single product matches" in page
    assert "No products match" not in page


def test_catalogue_without_a_search_shows_no_combos(client, combos):
    page = client.get("/catalog/").text

    assert 'class="search-combos"' not in page
    assert combo_card_slugs(page) == []
