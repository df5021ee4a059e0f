"""/combos/ lists available combos with filters read leniently from the address, sorts and
pages; each card shows what a shopper needs to choose."""

import re
from datetime import datetime, timedelta

import pytest

from storefront.catalog.filters import Sort
from storefront.clock import today_in_vietnam
from storefront.combos.filters import ComboFilters
from storefront.combos.listing import list_combos
from storefront.combos.models import ComboKind, ComboOccasion, Consent, Occasion, PriceMode
from tests.factories import (
    ComboFactory,
    HeritageFactory,
    ImageFactory,
    ProducerFactory,
    ProductFactory,
)
from tests.pages import combo_card_slugs, text_of

pytestmark = pytest.mark.usefixtures("on_both_databases")

AN_GIANG = 91
AN_GIANG_WARD = 30307  # Phường Long Xuyên


@pytest.fixture
def shelf(db):
    """Four combos that differ in every way a shopper can filter and sort by.

    tet-box: Tết, gift combo, 4★ parts, 180.000 ₫, heritage in Cần Thơ, oldest
    moon-box: Mid-Autumn, gift combo, 5★, 450.000 ₫, heritage in An Giang
    trip-bag: souvenir bundle, 3★, 90.000 ₫, no heritage; owner in An Giang, newest
    wedding-box: wedding, gift combo, 4★, 270.000 ₫, no heritage; owner in Cần Thơ
    """
    cantho_owner = ProducerFactory(name="HTX Cần Thơ")
    angiang_owner = ProducerFactory(
        name="HTX An Giang", province_code=AN_GIANG, ward_code=AN_GIANG_WARD
    )
    four = ProductFactory(producer=cantho_owner, price_vnd=100_000, stars=4)
    five = ProductFactory(producer=cantho_owner, price_vnd=250_000, stars=5)
    three = ProductFactory(producer=angiang_owner, price_vnd=100_000, stars=3)
    ImageFactory(product=four, path="products/four.webp")
    market = HeritageFactory(
        slug="cho-noi", name="Chợ nổi Ngã Bảy", name_en="Ngã Bảy floating market"
    )
    temple = HeritageFactory(
        slug="mieu-ba", name="Miếu Bà", province_code=AN_GIANG, ward_code=AN_GIANG_WARD
    )
    start = datetime(2026, 1, 1)

    def combo(slug, occasion, *, owner, parts, days, **kwargs):
        made = ComboFactory(
            slug=slug,
            name=slug.replace("-", " ").title(),
            owner=owner,
            parts=parts,
            parts__consent=Consent.ACCEPTED,
            created_at=start + timedelta(days=days),
            **kwargs,
        )
        made.occasions.append(ComboOccasion(occasion=occasion))
        return made

    combo(
        "tet-box",
        Occasion.TET,
        owner=cantho_owner,
        parts=[(four, 2)],
        days=0,
        heritage=market,
        price_mode=PriceMode.FIXED,
        percent_off=None,
        fixed_price_vnd=180_000,
    )
    combo(
        "moon-box",
        Occasion.MID_AUTUMN,
        owner=cantho_owner,
        parts=[(five, 2)],
        days=1,
        heritage=temple,
    )
    combo(
        "trip-bag",
        Occasion.SOUVENIR,
        owner=angiang_owner,
        parts=[(three, 1)],
        days=3,
        kind=ComboKind.SOUVENIR_BUNDLE,
    )
    combo("wedding-box", Occasion.WEDDING, owner=cantho_owner, parts=[(four, 3)], days=2)
    db.session.commit()


def slugs(client, query: str = "") -> list[str]:
    return [item["slug"] for item in client.get(f"/api/v1/combos?{query}").get_json()["items"]]


def test_listing_is_newest_first_by_default(client, shelf):
    listed = combo_card_slugs(client.get("/combos/").text)
    assert listed == ["trip-bag", "wedding-box", "moon-box", "tet-box"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("occasion=tet", ["tet-box"]),
        ("occasion=mid_autumn", ["moon-box"]),
        ("occasion=corporate", []),
        ("kind=souvenir_bundle", ["trip-bag"]),
        ("kind=gift_combo", ["wedding-box", "moon-box", "tet-box"]),
        ("price_min=200000", ["wedding-box", "moon-box"]),
        ("price_max=180000", ["trip-bag", "tet-box"]),
        ("price_min=100000&price_max=300000", ["wedding-box", "tet-box"]),
        ("min_stars=4", ["wedding-box", "moon-box", "tet-box"]),
        ("min_stars=5", ["moon-box"]),
        ("heritage=cho-noi", ["tet-box"]),
        ("heritage=nowhere", []),
        # The heritage entry's province, or the owner's when the combo has none:
        (f"province={AN_GIANG}", ["trip-bag", "moon-box"]),
        ("province=92", ["wedding-box", "tet-box"]),
    ],
)
def test_each_filter_narrows_the_page_and_the_api_alike(client, shelf, query, expected):
    assert combo_card_slugs(client.get(f"/combos/?{query}").text) == expected
    assert slugs(client, query) == expected


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["trip-bag", "wedding-box", "moon-box", "tet-box"]),
        ("price_asc", ["trip-bag", "tet-box", "wedding-box", "moon-box"]),
        ("price_desc", ["moon-box", "wedding-box", "tet-box", "trip-bag"]),
        ("stars", ["moon-box", "tet-box", "wedding-box", "trip-bag"]),
        ("name", ["moon-box", "tet-box", "trip-bag", "wedding-box"]),
    ],
)
def test_each_sort_orders_the_page_and_the_api_alike(client, shelf, sort, expected):
    assert combo_card_slugs(client.get(f"/combos/?sort={sort}").text) == expected
    assert slugs(client, f"sort={sort}") == expected


def test_pages_keep_the_filters_and_a_page_past_the_last_shows_the_last(client, shelf):
    first = client.get("/combos/?kind=gift_combo&per_page=2&sort=price_asc")
    assert combo_card_slugs(first.text) == ["tet-box", "wedding-box"]
    assert re.search(r'href="[^"]*kind=gift_combo[^"]*page=2', first.text.replace("&amp;", "&"))
    for page_number in (2, 99):
        later = client.get(f"/combos/?kind=gift_combo&per_page=2&page={page_number}")
        assert combo_card_slugs(later.text) == ["tet-box"]
    page = list_combos(ComboFilters(per_page=3, page=2), today=today_in_vietnam())
    assert (page.total, page.pages, len(page.items)) == (4, 2, 1)


def test_bad_filters_are_left_out_and_named(client, shelf):
    response = client.get("/combos/?occasion=christmas&min_stars=9&price_min=abc&lang=en")

    assert response.status_code == 200
    assert len(combo_card_slugs(response.text)) == 4
    assert "were left out: min_stars, occasion, price_min." in text_of(response)


def test_card_shows_picture_price_saving_stars_owner_heritage_and_occasions(client, shelf):
    page = text_of(client.get("/combos/?occasion=tet&lang=en"))

    assert "/media/products/four.webp" in page
    assert "180.000 ₫" in page and "<s>200.000 ₫</s>" in page
    assert "Save 20.000 ₫ (10 %)" in page
    assert "Every product rated at least" in page and "4 stars" in page
    assert "By HTX Cần Thơ · 1 product" in page
    assert "Ngã Bảy floating market" in page
    assert '<li class="occasion-tag occasion-tag--tet">Tết</li>' in page


def test_filter_panel_offers_the_heritage_entries_and_provinces_combos_come_from(client, shelf):
    page = client.get("/combos/").text

    assert '<option value="cho-noi">Chợ nổi Ngã Bảy</option>' in page
    assert '<option value="mieu-ba">Miếu Bà</option>' in page
    assert f'<option value="{AN_GIANG}">' in page and '<option value="92">' in page


def test_empty_listing_invites_to_come_back(client, db):
    page = text_of(client.get("/combos/?lang=en"))

    assert "0 combos" in page
    assert "Our producers are putting new gift combos together" in page


def test_header_links_to_the_gift_combos(client, db):
    page = client.get("/catalog/?lang=en").text

    assert re.search(r'<a class="site-nav__combos" href="/combos/">.*Gift combos</a>', page)


def test_relevance_sort_is_only_offered_when_searching(client, shelf):
    assert 'value="relevance"' not in client.get("/combos/").text
    assert 'value="relevance" selected' in client.get("/combos/?q=box").text
    assert list_combos(ComboFilters(q="box"), today=today_in_vietnam()).total == 3
    assert ComboFilters(q="box").effective_sort is Sort.RELEVANCE
