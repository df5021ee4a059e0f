"""The read-only JSON API: same filters as the catalogue, JSON errors, an OpenAPI document."""

from datetime import timedelta

import pytest

from storefront.clock import today_in_vietnam
from tests.factories import CertificateFactory, ImageFactory, ProducerFactory, ProductFactory

pytestmark = pytest.mark.usefixtures("on_both_databases")


@pytest.fixture
def products(db):
    producer = ProducerFactory(name="HTX Vị Thủy", slug="htx-vi-thuy", ward_code=31441)
    rice = ProductFactory(
        name="Gạo sạch Vị Thủy",
        name_en="Vi Thuy clean rice",
        slug="gao-sach-vi-thuy",
        price_vnd=150_000,
        producer=producer,
        stars=4,
    )
    ImageFactory(product=rice, path="products/gao.webp")
    ProductFactory(name="Khóm Cầu Đúc", slug="khom-cau-duc", price_vnd=35_000, stars=3)
    expired = ProductFactory(name="Cá khô", slug="ca-kho", producer=producer)
    CertificateFactory(
        product=expired,
        issued_on=today_in_vietnam() - timedelta(days=1100),
        expires_on=today_in_vietnam() - timedelta(days=1),
    )
    db.session.commit()


def test_list_answers_items_total_page_and_per_page(client, products):
    body = client.get("/api/v1/products?sort=price_asc").get_json()

    assert body["total"] == 2 and body["page"] == 1 and body["per_page"] == 24
    assert [item["slug"] for item in body["items"]] == ["khom-cau-duc", "gao-sach-vi-thuy"]
    rice = body["items"][1]
    assert rice["price_vnd"] == 150_000 and isinstance(rice["price_vnd"], int)
    assert rice["name_en"] == "Vi Thuy clean rice"
    assert rice["stars"] == 4
    assert rice["certificate"]["decision_number"].endswith("/QĐ-UBND")
    assert rice["certificate"]["issuing_body"] == "provincial"
    assert rice["producer"]["slug"] == "htx-vi-thuy"
    assert rice["producer"]["ward"]["name"] == "Xã Vị Thủy"
    assert rice["images"] == ["http://localhost/media/products/gao.webp"]


def test_expired_product_is_absent_from_list_search_and_detail(client, products):
    assert "ca-kho" not in [i["slug"] for i in client.get("/api/v1/products").get_json()["items"]]
    assert client.get("/api/v1/products?q=ca+kho").get_json()["total"] == 0
    response = client.get("/api/v1/products/ca-kho")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_filters_and_search_match_the_catalogue(client, products):
    assert client.get("/api/v1/products?q=GAO+vi+thuy").get_json()["items"][0]["slug"] == (
        "gao-sach-vi-thuy"
    )
    assert client.get("/api/v1/products?stars=3").get_json()["total"] == 1
    assert client.get("/api/v1/products?stars=3,4").get_json()["total"] == 2
    assert client.get("/api/v1/products?stars=3&stars=4").get_json()["total"] == 2
    assert client.get("/api/v1/products?price_min=100000").get_json()["total"] == 1
    assert client.get("/api/v1/products?province=92&per_page=1").get_json()["per_page"] == 1


@pytest.mark.parametrize(
    "query",
    [
        "stars=7",
        "page=-1",
        "page=abc",
        "per_page=101",
        "per_page=0",
        "price_min=abc",
        "sort=cheapest",
        "producer_kind=factory",
        "in_stock=maybe",
    ],
)
def test_bad_parameters_answer_400_with_a_json_error(client, products, query):
    response = client.get(f"/api/v1/products?{query}")

    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["message"]
    assert error["details"]["parameters"]


def test_detail_carries_the_product_and_its_certificate(client, products):
    body = client.get("/api/v1/products/gao-sach-vi-thuy").get_json()
    assert body["slug"] == "gao-sach-vi-thuy"
    assert body["certificate"]["stars"] == 4
    assert body["url"] == "http://localhost/catalog/products/gao-sach-vi-thuy"


def test_producers_list_and_detail(client, products):
    body = client.get("/api/v1/producers").get_json()
    by_slug = {p["slug"]: p for p in body["items"]}
    assert by_slug["htx-vi-thuy"]["listed_products"] == 1
    assert client.get("/api/v1/producers/htx-vi-thuy").get_json()["listed_products"] == 1
    assert client.get("/api/v1/producers/nobody").status_code == 404
    assert client.get("/api/v1/producers?per_page=500").status_code == 400
    assert client.get("/api/v1/producers?producer_kind=cooperative").get_json()["total"] == 2


def test_unknown_api_route_answers_json_404(client, db):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_openapi_document_describes_every_route(client, db):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/products",
        "/products/{slug}",
        "/producers",
        "/producers/{slug}",
        "/combos",
        "/combos/{slug}",
    }
    documented = {p["name"] for p in document["paths"]["/products"]["get"]["parameters"]}
    assert {
        "q",
        "stars",
        "category",
        "province",
        "producer_kind",
        "price_min",
        "price_max",
        "in_stock",
        "sort",
        "page",
        "per_page",
    } <= documented
