"""The public pages over real HTTP: what a shopper sees, in Vietnamese and English."""

import re
from datetime import timedelta

import pytest

from storefront.catalog.models import ProductStatus
from storefront.clock import today_in_vietnam
from tests.factories import CertificateFactory, ImageFactory, ProducerFactory, ProductFactory
from tests.pages import text_of


@pytest.fixture
def shop(db):
    producer = ProducerFactory(name="HTX Vị Thủy", slug="htx-vi-thuy", ward_code=31441)
    rice = ProductFactory(
        name="Gạo sạch Vị Thủy",
        name_en="Vi Thuy clean rice",
        slug="gao-sach-vi-thuy",
        price_vnd=150_000,
        stock=120,
        producer=producer,
        stars=4,
    )
    ImageFactory(product=rice)
    ProductFactory(name="Khóm Cầu Đúc", slug="khom-cau-duc", price_vnd=35_000, stars=3)
    expired = ProductFactory(name="Cá khô sặc", slug="ca-kho-sac", price_vnd=99_000)
    CertificateFactory(
        product=expired,
        decision_number="777/QĐ-UBND",
        issued_on=today_in_vietnam() - timedelta(days=1100),
        expires_on=today_in_vietnam() - timedelta(days=1),
    )
    db.session.commit()
    return {"rice": rice, "expired": expired}


def test_home_shows_featured_certified_products(client, shop):
    page = text_of(client.get("/"))
    assert '<html lang="vi">' in page
    assert "Gạo sạch Vị Thủy" in page
    assert "Cá khô sặc" not in page


def test_catalogue_lists_certified_products_with_count_price_and_stars(client, shop):
    response = client.get("/catalog/")
    page = text_of(response)

    assert response.status_code == 200
    assert page.count('class="product-card') == 2
    assert "150.000 ₫" in page
    assert 'class="result-count' in page
    assert "Cá khô sặc" not in page


def test_search_without_accents_finds_the_product(client, shop):
    page = text_of(client.get("/catalog/?q=gao+vi+thuy"))
    assert page.count('class="product-card') == 1
    assert "Gạo sạch Vị Thủy" in page


def test_filters_stay_in_the_pagination_links(client, db):
    for n in range(30):
        ProductFactory(slug=f"p{n}", stars=4)
    db.session.commit()
    page = client.get("/catalog/?stars=4&sort=price_asc").get_data(as_text=True)
    assert re.search(r'href="[^"]*page=2[^"]*"', page)
    next_link = re.search(r'href="([^"]*page=2[^"]*)"', page).group(1).replace("&amp;", "&")
    assert "stars=4" in next_link and "sort=price_asc" in next_link


@pytest.mark.parametrize(
    "query",
    [
        "stars=9",
        "stars=abc",
        "page=-1",
        "page=0",
        "page=99999",
        "price_min=abc",
        "price_max=-5",
        "sort=bogus",
        "producer_kind=x",
        "in_stock=maybe",
        "per_page=100000",
        "category=%00",
        "q=%25%25%25",
        "q=" + "gạo" * 200,
        "ward=abc&province=99999999",
    ],
)
def test_bad_query_parameters_are_ignored_never_a_500(client, shop, query):
    response = client.get(f"/catalog/?{query}")
    assert response.status_code == 200


def test_product_page_shows_price_unit_and_certificate(client, shop):
    page = text_of(client.get("/catalog/products/gao-sach-vi-thuy"))
    assert "150.000 ₫" in page
    assert "hộp 500 g" in page
    assert 'id="certificate"' in page
    assert shop["rice"].certificates[0].decision_number in page
    assert "HTX Vị Thủy" in page


def test_expired_product_page_says_so_and_offers_nothing_to_buy(client, shop):
    response = client.get("/catalog/products/ca-kho-sac")
    page = text_of(response)

    assert response.status_code == 200
    assert "notice--expired" in page
    assert "99.000 ₫" not in page
    assert "<form" not in page.split("</header>", 1)[1].split("<footer", 1)[0]


def test_draft_and_unknown_products_are_not_found(client, shop, db):
    shop["rice"].status = ProductStatus.DRAFT
    db.session.commit()
    assert client.get("/catalog/products/gao-sach-vi-thuy").status_code == 404
    assert client.get("/catalog/products/no-such-thing").status_code == 404


def test_producer_page_lists_its_certified_products(client, shop):
    page = text_of(client.get("/producers/htx-vi-thuy"))
    assert "HTX Vị Thủy" in page
    assert "Xã Vị Thủy" in page
    assert page.count('class="product-card') == 1
    assert client.get("/producers/nobody").status_code == 404


def test_english_by_query_parameter_is_remembered_in_a_cookie(client, shop):
    first = client.get("/catalog/?lang=en")
    assert '<html lang="en">' in first.get_data(as_text=True)
    assert "lang=en" in first.headers["Set-Cookie"]
    assert "Vi Thuy clean rice" in first.get_data(as_text=True)

    later = client.get("/catalog/products/gao-sach-vi-thuy")
    assert '<html lang="en">' in later.get_data(as_text=True)
    assert "150.000 ₫" in text_of(later)

    back = client.get("/?lang=vi")
    assert '<html lang="vi">' in back.get_data(as_text=True)


def test_language_switch_links_keep_the_page_and_filters(client, shop):
    page = client.get("/catalog/?stars=4&q=gao").get_data(as_text=True)
    switch = re.search(r'<a[^>]*hreflang="en"[^>]*>', page).group(0)
    href = re.search(r'href="([^"]+)"', switch).group(1).replace("&amp;", "&")
    assert href.startswith("/catalog/") and "stars=4" in href and "lang=en" in href


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_not_found_page_is_friendly_in_both_languages(client, db, lang):
    response = client.get(f"/no-such-page?lang={lang}")
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in response.get_data(as_text=True)


def test_media_files_are_served_from_the_upload_folder(app, client, db):
    folder = app.config["UPLOAD_DIR"] / "products"
    folder.mkdir(parents=True)
    (folder / "x.webp").write_bytes(b"RIFF0000WEBP")
    assert client.get("/media/products/x.webp").status_code == 200
    assert client.get("/media/../config.py").status_code == 404


def test_healthz(client, db):
    assert client.get("/healthz").get_data(as_text=True) == "ok"


def test_ignored_filters_are_named_on_the_page(client, shop):
    page = text_of(client.get("/catalog/?stars=9&price_min=abc"))
    assert "price_min, stars" in page
    assert "notice" in page


def test_api_errors_speak_the_visitors_language(client, shop):
    vietnamese = client.get("/api/v1/products?per_page=500").get_json()["error"]
    english = client.get("/api/v1/products?per_page=500&lang=en").get_json()["error"]
    assert vietnamese["details"]["parameters"]["per_page"] == "phải là số nguyên từ 1 đến 100"
    assert english["details"]["parameters"]["per_page"] == "must be a whole number from 1 to 100"
