"""Placing an order costs a fixed number of SQL statements plus a fixed cost per line: the
cart is priced in a fixed number of queries whatever it holds, and each line adds only its
own writes.

Measured on SQLite, which sends each INSERT on its own (PostgreSQL batches the inserts of
order lines and of their components, so it needs fewer):

    queries <= 7 + 1 (if the cart holds products) + 3 (if it holds combos)
                 + 1 per producer fulfilling lines (its fulfilment)
                 + per line: 2 × products it takes from stock + 1 + its combo components

- 7: the shipping zone and its rates (2), insert the order (1) and give it its number (1),
  its first event (1), load its (new, empty) lines (1), queue the confirmation mail (1);
- pricing the cart: the products (1); the combos, their components and packaging (3);
- per product taken from stock: the conditional UPDATE ... RETURNING and its ledger row;
- per line: its snapshot, and one per combo component snapshot.

A product line costs 3 and a combo of 2 products 7. With one producer: 1 product line: 12;
5 product lines: 24; 1 combo: 18, 5 combos: 46; the bench's cart of 3 products and 2
combos: 35. POST /checkout/place adds 1 (reading the order's number
again after the commit, for the redirect).
"""

import pytest

from storefront.extensions import db
from tests.shopping import (
    buy,
    combo_key,
    combo_of,
    product_key,
    shipping_table,
    stocked_product,
)

pytestmark = pytest.mark.usefixtures("on_both_databases")

FIXED = 7
PRICING_PRODUCTS = 1
PRICING_COMBOS = 3
PER_PRODUCT_TAKEN = 2  # UPDATE ... RETURNING, and the ledger row
PER_LINE = 1  # the line's snapshot
PER_PRODUCER = 1  # its fulfilment
PER_COMPONENT = 1  # each combo component's snapshot
PRODUCT_LINE = PER_PRODUCT_TAKEN + PER_LINE
COMBO_OF_TWO_LINE = 2 * PER_PRODUCT_TAKEN + PER_LINE + 2 * PER_COMPONENT


def _ceiling(*, product_lines: int, combo_lines: int) -> int:
    """The most queries placing a cart of these lines (combos of 2 products, all of one
    producer) may take."""
    return (
        FIXED
        + PER_PRODUCER
        + (PRICING_PRODUCTS if product_lines else 0)
        + (PRICING_COMBOS if combo_lines else 0)
        + product_lines * PRODUCT_LINE
        + combo_lines * COMBO_OF_TWO_LINE
    )


@pytest.fixture
def shelves(app):
    """Fifteen products of one producer, and five combos of two others (1 + 2 units)."""
    shipping_table()
    first = stocked_product(100)
    products = [first] + [stocked_product(100, producer=first.producer) for _ in range(14)]
    combos = [combo_of((products[2 * i], 1), (products[2 * i + 1], 2)) for i in range(5)]
    db.session.commit()
    return [product_key(p) for p in products[10:]], [combo_key(c) for c in combos]


def _queries_to_place(count_queries, keys) -> int:
    db.session.expire_all()  # nothing cached from before: as a new request
    with count_queries() as counter:
        buy(dict.fromkeys(keys, 1))
    return counter.count


@pytest.mark.parametrize("lines", [1, 3, 5])
def test_each_product_line_adds_a_fixed_cost(shelves, count_queries, lines) -> None:
    products, _combos = shelves

    queries = _queries_to_place(count_queries, products[:lines])

    assert queries <= _ceiling(product_lines=lines, combo_lines=0)


@pytest.mark.parametrize("lines", [1, 3, 5])
def test_each_combo_line_adds_a_fixed_cost(shelves, count_queries, lines) -> None:
    _products, combos = shelves

    queries = _queries_to_place(count_queries, combos[:lines])

    assert queries <= _ceiling(product_lines=0, combo_lines=lines)


def test_a_cart_of_products_and_combos_costs_the_sum_of_its_lines(shelves, count_queries):
    products, combos = shelves

    queries = _queries_to_place(count_queries, products[:3] + combos[:2])

    assert queries <= _ceiling(product_lines=3, combo_lines=2)


def test_five_lines_cost_no_more_than_one_line_and_four_lines_of_writes(
    shelves, count_queries
) -> None:
    products, _combos = shelves

    one = _queries_to_place(count_queries, products[:1])
    five = _queries_to_place(count_queries, products[:5])

    assert five - one <= 4 * PRODUCT_LINE
