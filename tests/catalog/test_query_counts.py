"""The catalogue page and the API list run a fixed number of queries, whatever the page size."""

import pytest

from tests.factories import ImageFactory, ProductFactory

BUDGET = 5


@pytest.fixture
def many_products(db):
    for n in range(40):
        product = ProductFactory(slug=f"p{n}", stars=3 + n % 2, stock=n % 5)
        ImageFactory(product=product)
    db.session.commit()
    db.session.expunge_all()


@pytest.mark.parametrize(
    "url",
    [
        "/catalog/?per_page={n}",
        "/catalog/?per_page={n}&stars=4&sort=price_desc&in_stock=1",
        "/catalog/?per_page={n}&q=san+pham",
        "/api/v1/products?per_page={n}",
        "/api/v1/products?per_page={n}&q=san+pham&stars=3",
    ],
)
def test_query_count_does_not_grow_with_page_size(client, many_products, count_queries, url):
    counts = []
    for size in (1, 10, 40):
        with count_queries() as counter:
            assert client.get(url.format(n=size)).status_code == 200
        counts.append(counter.count)
    assert counts[0] == counts[1] == counts[2]
    assert counts[0] <= BUDGET, f"{counts[0]} queries: {counter.statements}"


@pytest.mark.parametrize("url", ["/", "/catalog/products/p3", "/producers/{producer}"])
def test_other_pages_stay_within_budget(client, many_products, count_queries, db, url):
    from storefront.producers.models import Producer

    producer = db.session.scalars(db.select(Producer)).first()
    with count_queries() as counter:
        assert client.get(url.format(producer=producer.slug)).status_code == 200
    assert counter.count <= BUDGET + 2, counter.statements


SEARCH_WITH_COMBOS_BUDGET = BUDGET + 4  # the products' queries, and the matching combos'


def test_search_that_also_finds_combos_runs_a_fixed_number_of_queries(client, db, count_queries):
    from tests.factories import ComboFactory, ProducerFactory

    def search_queries() -> int:
        with count_queries() as counter:
            assert client.get("/catalog/?q=mat+ong").status_code == 200
        return counter.count

    def add_combos(count: int) -> None:
        for _ in range(count):
            owner = ProducerFactory()
            parts = [(ProductFactory(producer=owner, name="Mật ong tràm", stars=4), 1)]
            parts += [(ProductFactory(producer=owner, stars=3), 2) for _ in range(3)]
            ComboFactory(owner=owner, name="Quà mật ong", parts=parts)
        db.session.commit()
        db.session.expunge_all()

    add_combos(1)
    one = search_queries()
    add_combos(5)
    many = search_queries()

    assert one == many <= SEARCH_WITH_COMBOS_BUDGET
