"""Search folds Vietnamese diacritics and case, and ranks what matches the typed accents first.

Every test runs on SQLite and (marked `postgres`) on PostgreSQL.
"""

import pytest

from storefront.catalog.filters import CatalogFilters
from storefront.catalog.listing import list_products
from storefront.clock import today_in_vietnam
from storefront.text import fold, slugify
from tests.factories import CategoryFactory, ProducerFactory, ProductFactory

pytestmark = pytest.mark.usefixtures("on_both_databases")


def search(query: str) -> list[str]:
    page = list_products(CatalogFilters(q=query), today=today_in_vietnam())
    return [item.product.name for item in page.items]


@pytest.fixture
def catalogue(db):
    rice = CategoryFactory(name="Gạo", name_en="Rice", slug="gao")
    honey = CategoryFactory(name="Mật ong", name_en="Honey", slug="mat-ong")
    vi_thuy = ProducerFactory(name="HTX Nông nghiệp Vị Thủy", slug="htx-vi-thuy", ward_code=31441)
    nga_bay = ProducerFactory(name="Cơ sở Đức Thành", slug="co-so-duc-thanh", ward_code=31340)
    ProductFactory(name="Gạo sạch Vị Thủy", producer=vi_thuy, category=rice, stars=4)
    ProductFactory(name="Gạo thơm ST25", producer=nga_bay, category=rice, stars=3)
    ProductFactory(name="Khóm Cầu Đúc", name_en="Cau Duc pineapple", producer=nga_bay, stars=4)
    ProductFactory(name="Mật ong hoa tràm", producer=vi_thuy, category=honey, stars=3)
    ProductFactory(name="Mát ông trà", producer=nga_bay, stars=3)  # folds like "mat ong"
    ProductFactory(name="Đậu phộng rang", producer=nga_bay, stars=3)
    db.session.commit()


def test_fold_strips_diacritics_and_case():
    assert fold("GẠO VỊ THỦY") == "gao vi thuy"
    assert fold("Đặc sản  Đồng Tháp") == "dac san dong thap"
    assert slugify("Khóm Cầu Đúc!") == "khom-cau-duc"


@pytest.mark.parametrize("query", ["gao vi thuy", "GẠO VỊ THỦY", "Gạo sạch Vị Thủy", "gạo vị thủy"])
def test_rice_of_vi_thuy_is_found_whatever_the_accents_and_case(catalogue, query):
    assert search(query)[0] == "Gạo sạch Vị Thủy"


def test_unaccented_query_finds_accented_name(catalogue):
    assert search("khom cau duc") == ["Khóm Cầu Đúc"]


def test_d_folds_to_dj(catalogue):
    assert search("dau phong") == ["Đậu phộng rang"]
    assert search("đau phong") == ["Đậu phộng rang"]


def test_typed_accents_rank_first(catalogue):
    assert search("mật ong")[:2] == ["Mật ong hoa tràm", "Mát ông trà"]
    assert search("mát ông")[0] == "Mát ông trà"
    assert sorted(search("mat ong")) == ["Mát ông trà", "Mật ong hoa tràm"]


def test_search_covers_producer_category_and_locality(catalogue):
    assert sorted(search("duc thanh")) == [
        "Gạo thơm ST25",
        "Khóm Cầu Đúc",
        "Mát ông trà",
        "Đậu phộng rang",
    ]
    assert sorted(search("honey")) == ["Mật ong hoa tràm"]
    assert sorted(search("nga bay")) == sorted(
        ["Gạo thơm ST25", "Khóm Cầu Đúc", "Mát ông trà", "Đậu phộng rang"]
    )
    assert search("pineapple") == ["Khóm Cầu Đúc"]


def test_every_word_must_match(catalogue):
    assert search("gao honey") == []
    assert search("gao st25") == ["Gạo thơm ST25"]


def test_like_wildcards_in_a_query_are_literal(catalogue):
    assert search("%") == []
    assert search("_a") == []


def test_words_match_whole_words_except_the_one_being_typed(catalogue):
    assert search("ca kho") == []  # "ca" is not "cầu", though "kho" begins "khóm"
    assert search("cau duc") == ["Khóm Cầu Đúc"]
    assert search("gao vi th") == ["Gạo sạch Vị Thủy"]
    assert search("ao") == []
