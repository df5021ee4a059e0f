"""The combo pages and API run the same number of SQL queries for 1 combo of 1 component as
for 6 combos of 4 components each, with pictures, packaging, occasions and heritage.

Per request (anonymous visitor): /combos/ 7 (menu, count, page, components, packaging,
occasions, filter choices); /combos/<slug> 6 (menu, combo, components, packaging,
occasions, the owner's gift wrapping for the cart form); /combos/heritage/<slug> 7 (menu,
heritage, count, page and its three loaders);
/api/v1/combos 5; /api/v1/combos/<slug> 4; the home page 7 (its 3 before combos, plus the
featured combos and their three loaders); the catalogue search 8, the combos it shows
above the products included.
"""

import pytest

from storefront.combos.models import ComboOccasion, ComboPackaging, Consent, Occasion
from tests.factories import (
    ComboFactory,
    HeritageFactory,
    ImageFactory,
    PackagingFactory,
    ProducerFactory,
    ProductFactory,
)

EXPECTED = {
    "/combos/": 7,
    "/combos/?q=combo&occasion=tet&min_stars=3&price_min=1&sort=price_desc": 7,
    "/combos/combo-0": 6,
    "/combos/combo-0/story-card": 5,
    "/combos/heritage/di-san": 7,
    "/api/v1/combos": 5,
    "/api/v1/combos?q=combo&province=92&sort=stars": 5,
    "/api/v1/combos/combo-0": 4,
    "/": 7,
    "/catalog/?q=combo": 8,
}


def build(db, *, combos: int, components: int) -> None:
    heritage = HeritageFactory(slug="di-san")
    for n in range(combos):
        owner = ProducerFactory()
        parts = []
        for m in range(components):
            product = ProductFactory(producer=ProducerFactory() if m else owner, stars=3 + m % 3)
            ImageFactory(product=product)
            parts.append((product, 1 + m))
        combo = ComboFactory(
            slug=f"combo-{n}",
            owner=owner,
            heritage=heritage,
            parts=parts,
            parts__consent=Consent.ACCEPTED,
        )
        combo.occasions += [ComboOccasion(occasion=Occasion.TET)]
        combo.packaging.append(ComboPackaging(item=PackagingFactory(producer=owner)))
    db.session.commit()
    db.session.expunge_all()


def counts(client, count_queries) -> dict[str, int]:
    found = {}
    for url in EXPECTED:
        with count_queries() as counter:
            assert client.get(url).status_code == 200, url
        found[url] = counter.count
    return found


@pytest.mark.parametrize(("combos", "components"), [(1, 1), (6, 4)])
def test_combo_pages_run_a_fixed_number_of_queries(client, db, count_queries, combos, components):
    build(db, combos=combos, components=components)

    assert counts(client, count_queries) == EXPECTED


def test_the_counted_catalogue_search_does_show_the_combos(client, db):
    build(db, combos=6, components=4)

    html = client.get("/catalog/?q=combo").text

    assert 'class="search-combos"' in html and html.count("combo-card__link") == 4


def test_the_home_page_stays_within_the_catalogues_budget(client, db, count_queries):
    build(db, combos=6, components=4)

    with count_queries() as counter:
        client.get("/")

    assert counter.count <= 7  # tests/catalog/test_query_counts.py: BUDGET + 2
