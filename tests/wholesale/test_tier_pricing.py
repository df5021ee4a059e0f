"""The one pricing function: a line's unit price on a shop's tiers, at every boundary,
and a line's total never falling as its quantity rises, for any tier table the
producers' rules accept (wholesale.tiers.check_tiers)."""

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storefront.catalog.pricing import Tier, next_tier, unit_price
from storefront.wholesale.errors import ShopError
from storefront.wholesale.tiers import check_tiers

RETAIL = 100_000
TIERS = (Tier(50, 85_000), Tier(100, 80_000))


@pytest.mark.parametrize(
    ("quantity", "price"),
    [
        (1, 100_000),
        (49, 100_000),
        (50, 85_000),
        (51, 85_000),
        (99, 85_000),
        (100, 80_000),
        (101, 80_000),
        (9_999, 80_000),
    ],
)
def test_the_tier_of_the_largest_minimum_not_above_the_quantity_prices_the_line(
    quantity, price
) -> None:
    assert unit_price(RETAIL, TIERS, quantity) == price


def test_a_retail_buyer_has_no_tiers_and_pays_retail_at_any_quantity() -> None:
    assert {unit_price(RETAIL, (), q) for q in (1, 50, 500)} == {RETAIL}


def test_a_tier_above_a_lowered_retail_price_is_capped_at_retail() -> None:
    assert unit_price(82_000, TIERS, 60) == 82_000
    assert unit_price(82_000, TIERS, 100) == 80_000


@pytest.mark.parametrize(
    ("quantity", "offered"),
    [
        (1, Tier(50, 85_000)),
        (49, Tier(50, 85_000)),
        (50, Tier(100, 80_000)),
        (99, Tier(100, 80_000)),
        (100, None),
    ],
)
def test_the_next_tier_is_the_nearest_cheaper_one_above(quantity, offered) -> None:
    assert next_tier(RETAIL, TIERS, quantity) == offered


@st.composite
def tier_tables(draw: st.DrawFn) -> tuple[int, int, list[Tier]]:
    """(retail, minimum order, tiers) that check_tiers accepts."""
    retail = draw(st.integers(1_000, 5_000_000))
    minimum = draw(st.integers(1, 60))
    tiers: list[Tier] = []
    start, price = minimum - 1, retail
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(start + 1, start + 200))
        if price <= 1:
            break
        price = draw(st.integers(1, price - 1))
        tiers.append(Tier(start, price))
    check_tiers(retail, minimum, tiers)  # the rules accept every table drawn
    return retail, minimum, tiers


def bands(minimum: int, tiers: list[Tier], top: int) -> list[range]:
    """The quantities each price applies to: from the minimum to the first tier, and so on."""
    starts = [minimum, *(t.min_quantity for t in tiers if t.min_quantity > minimum), top + 1]
    return [range(a, b) for a, b in pairwise(starts) if a < b]


@settings(max_examples=300, deadline=None)
@given(tier_tables())
def test_within_each_tier_a_lines_total_rises_with_its_quantity(table) -> None:
    retail, minimum, tiers = table
    top = max([t.min_quantity for t in tiers], default=minimum) + 3
    for band in bands(minimum, tiers, top):
        totals = [unit_price(retail, tiers, q) * q for q in band]
        assert totals == sorted(totals) and len(set(totals)) == len(totals)
        assert len({unit_price(retail, tiers, q) for q in band}) == 1  # one price a band


@settings(max_examples=300, deadline=None)
@given(tier_tables())
def test_a_unit_never_costs_more_as_the_line_grows_and_each_boundary_is_exact(table) -> None:
    retail, minimum, tiers = table
    top = max([t.min_quantity for t in tiers], default=minimum) + 3
    prices = [unit_price(retail, tiers, q) for q in range(minimum, top + 1)]
    assert prices == sorted(prices, reverse=True)
    assert all(price <= retail for price in prices)
    for tier in tiers:  # 49, 50, 51 around a tier from 50
        assert unit_price(retail, tiers, tier.min_quantity - 1) > tier.unit_price_vnd
        assert unit_price(retail, tiers, tier.min_quantity) == tier.unit_price_vnd
        assert unit_price(retail, tiers, tier.min_quantity + 1) <= tier.unit_price_vnd
        offered = next_tier(retail, tiers, tier.min_quantity - 1)
        assert offered == Tier(tier.min_quantity, tier.unit_price_vnd)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1_000, 1_000_000),
    st.lists(st.tuples(st.integers(1, 500), st.integers(1, 1_000_000)), max_size=5),
)
def test_whatever_table_the_rules_accept_never_charges_more_per_unit_for_more(retail, raw) -> None:
    """Over arbitrary tables: the rules let through only tables the property holds for."""
    tiers = [Tier(q, p) for q, p in raw]
    try:
        check_tiers(retail, 1, tiers)
    except ShopError:
        return
    prices = [unit_price(retail, tiers, q) for q in range(1, 510)]
    assert prices == sorted(prices, reverse=True)
