"""GET /api/v1/combos and /api/v1/combos/<slug>: the combos page's filters as JSON, errors
like the products' API, and the OpenAPI document describing both."""

import pytest

from storefront.combos.models import (
    ComboOccasion,
    ComboPackaging,
    ComboStatus,
    Consent,
    Occasion,
)
from tests.factories import (
    ComboFactory,
    HeritageFactory,
    ImageFactory,
    PackagingFactory,
    ProducerFactory,
    ProductFactory,
)

pytestmark = pytest.mark.usefixtures("on_both_databases")


@pytest.fixture
def combo(db):
    owner = ProducerFactory(name="HTX Vị Thủy", slug="htx-vi-thuy")
    partner = ProducerFactory(name="HTX Khóm", slug="htx-khom")
    rice = ProductFactory(
        producer=owner, slug="gao", name="Gạo", unit="túi 5 kg", price_vnd=150_000, stars=4
    )
    pineapple = ProductFactory(
        producer=partner, slug="khom", name="Khóm", price_vnd=50_000, stock=9, stars=5
    )
    ImageFactory(product=rice, path="products/gao.webp")
    heritage = HeritageFactory(slug="nga-bay", name="Chợ nổi Ngã Bảy")
    made = ComboFactory(
        owner=owner,
        slug="qua-que",
        name="Quà quê",
        name_en="Country gift",
        heritage=heritage,
        parts=[(rice, 2), (pineapple, 3)],
        parts__consent=Consent.ACCEPTED,
    )
    made.occasions += [
        ComboOccasion(occasion=Occasion.TET),
        ComboOccasion(occasion=Occasion.CORPORATE),
    ]
    box = PackagingFactory(producer=owner, name="Hộp quà", price_vnd=35_000, stock=40)
    made.packaging.append(ComboPackaging(item=box))
    db.session.commit()
    return made


def test_list_item_carries_price_saving_stock_and_what_the_combo_is_made_of(client, combo):
    body = client.get("/api/v1/combos").get_json()

    assert (body["total"], body["page"], body["per_page"]) == (1, 1, 24)
    item = body["items"][0]
    assert item["slug"] == "qua-que" and item["name_en"] == "Country gift"
    assert item["kind"] == "gift_combo"
    assert item["parts_vnd"] == 450_000
    assert item["price_vnd"] == 405_000 and isinstance(item["price_vnd"], int)
    assert item["saving_vnd"] == 45_000 and item["saving_percent"] == 10
    assert item["min_stars"] == 4
    assert item["stock"] == 3  # 9 pineapples, 3 a combo
    assert item["available"] is True and item["unavailable"] is None
    assert item["occasions"] == ["tet", "corporate"]
    assert item["heritage"] == {"slug": "nga-bay", "name": "Chợ nổi Ngã Bảy"}
    assert item["owner"] == {"slug": "htx-vi-thuy", "name": "HTX Vị Thủy"}
    assert item["components"][0] == {
        "product": {"slug": "gao", "name": "Gạo"},
        "quantity": 2,
        "unit": "túi 5 kg",
        "stars": 4,
        "producer": {"slug": "htx-vi-thuy", "name": "HTX Vị Thủy"},
        "problem": None,
    }
    assert item["components"][1]["producer"]["slug"] == "htx-khom"
    box = {"name": "Hộp quà", "price_vnd": 35_000, "in_stock": True}
    assert [{k: p[k] for k in box} for p in item["packaging"]] == [box]
    assert item["url"] == "http://localhost/combos/qua-que"
    assert item["image"] == "http://localhost/media/products/gao.webp"


def test_detail_adds_the_stories_pictures_and_heritage(client, combo):
    body = client.get("/api/v1/combos/qua-que").get_json()

    assert body["story"] == "Quà quê **Hậu Giang**."
    assert body["images"] == ["http://localhost/media/products/gao.webp"]
    assert body["heritage"]["url"] == "http://localhost/combos/heritage/nga-bay"
    assert body["heritage"]["kind"] == "floating_market"
    assert body["heritage"]["province"] == {"code": 92, "name": "Thành phố Cần Thơ"}
    assert body["stock"] == 3


@pytest.mark.parametrize("status", [ComboStatus.DRAFT, ComboStatus.HIDDEN])
def test_unpublished_and_unknown_combos_answer_json_404(client, combo, db, status):
    assert client.get("/api/v1/combos/nothing").status_code == 404
    combo.status = status
    db.session.commit()

    response = client.get("/api/v1/combos/qua-que")

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/combos").get_json()["total"] == 0


@pytest.mark.parametrize(
    "query",
    [
        "occasion=christmas",
        "kind=hamper",
        "min_stars=2",
        "min_stars=abc",
        "price_min=-1",
        "price_max=abc",
        "province=0",
        "sort=cheapest",
        "page=0",
        "per_page=101",
    ],
)
def test_bad_parameters_answer_400_with_a_json_error(client, combo, query):
    response = client.get(f"/api/v1/combos?{query}")

    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["message"]
    assert list(error["details"]["parameters"]) == [query.split("=")[0]]


def test_filters_and_paging_match_the_page(client, combo):
    assert client.get("/api/v1/combos?occasion=corporate").get_json()["total"] == 1
    assert client.get("/api/v1/combos?occasion=wedding").get_json()["total"] == 0
    assert client.get("/api/v1/combos?heritage=nga-bay&min_stars=4").get_json()["total"] == 1
    assert client.get("/api/v1/combos?price_max=400000").get_json()["total"] == 0
    assert client.get("/api/v1/combos?per_page=1&page=1").get_json()["per_page"] == 1


def test_openapi_document_describes_the_combo_routes(client, db):
    document = client.get("/api/v1/openapi.json").get_json()

    assert {"/combos", "/combos/{slug}"} <= set(document["paths"])
    documented = {p["name"] for p in document["paths"]["/combos"]["get"]["parameters"]}
    assert {
        "q",
        "occasion",
        "kind",
        "price_min",
        "price_max",
        "min_stars",
        "heritage",
        "province",
        "sort",
        "page",
        "per_page",
    } == documented
    combo_schema = document["components"]["schemas"]["Combo"]["properties"]
    assert {"price_vnd", "saving_vnd", "stock", "components", "packaging"} <= set(combo_schema)
