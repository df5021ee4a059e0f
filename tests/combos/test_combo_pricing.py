"""A combo's price in whole đồng: fixed (capped at the parts) or a percentage off, rounded
half up (money.percent_off), never above the sum of the parts and never below 1 đồng; the
SQL twin that lists sort and filter by gives the same figure."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from storefront.combos.availability import price_sql
from storefront.combos.models import Combo, PriceMode
from storefront.combos.pricing import combo_price
from storefront.money import percent_off
from tests.factories import ComboFactory, ProductFactory

parts_amounts = st.integers(min_value=1, max_value=500_000_000)
percents = st.integers(min_value=1, max_value=90)


@pytest.mark.parametrize(
    ("amount", "percent", "price"),
    [
        (200_000, 10, 180_000),
        (199_999, 15, 169_999),  # 169 999,15 rounds down
        (199_990, 15, 169_992),  # 169 991,5 rounds half up
        (1, 90, 0),  # money.percent_off itself may reach 0; combo_price never does
    ],
)
def test_percent_off_rounds_half_up_to_whole_dong(amount, percent, price):
    assert percent_off(amount, percent) == price


@given(parts=parts_amounts, percent=percents)
def test_percentage_price_never_exceeds_the_parts_nor_drops_below_one_dong(parts, percent):
    price = combo_price(
        parts_vnd=parts, mode=PriceMode.PERCENT_OFF, fixed_price_vnd=None, percent=percent
    )

    assert 1 <= price <= parts


@given(parts=parts_amounts, fixed=st.integers(min_value=1, max_value=600_000_000))
def test_fixed_price_never_exceeds_the_parts_nor_drops_below_one_dong(parts, fixed):
    price = combo_price(parts_vnd=parts, mode=PriceMode.FIXED, fixed_price_vnd=fixed, percent=None)

    assert 1 <= price <= parts
    assert price == min(fixed, parts)


@given(parts=parts_amounts, percent=percents)
def test_a_bigger_discount_never_costs_more(parts, percent):
    def price(p: int) -> int:
        return combo_price(
            parts_vnd=parts, mode=PriceMode.PERCENT_OFF, fixed_price_vnd=None, percent=p
        )

    assert price(min(percent + 1, 90)) <= price(percent)


def test_a_combo_without_parts_costs_nothing():
    assert combo_price(parts_vnd=0, mode=PriceMode.FIXED, fixed_price_vnd=5, percent=None) == 0


@pytest.mark.usefixtures("on_both_databases")
@pytest.mark.parametrize(
    ("mode", "fixed", "percent", "prices", "expected"),
    [
        (PriceMode.PERCENT_OFF, None, 15, [199_990], 169_992),
        (PriceMode.PERCENT_OFF, None, 90, [3], 1),  # 0,3 đồng is lifted to 1
        (PriceMode.FIXED, 150_000, None, [100_000, 80_000], 150_000),
        (PriceMode.FIXED, 150_000, None, [60_000, 40_000], 100_000),  # capped at the parts
    ],
)
def test_sql_price_agrees_with_python(db, mode, fixed, percent, prices, expected):
    combo = ComboFactory(
        price_mode=mode,
        fixed_price_vnd=fixed,
        percent_off=percent,
        parts=[(ProductFactory(price_vnd=price, stars=4), 1) for price in prices],
    )
    db.session.flush()

    in_sql = db.session.scalar(select(price_sql()).where(Combo.id == combo.id))
    in_python = combo_price(
        parts_vnd=sum(prices), mode=mode, fixed_price_vnd=fixed, percent=percent
    )
    assert in_sql == in_python == expected
