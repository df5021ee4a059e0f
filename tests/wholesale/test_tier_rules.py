"""The rules a producer's wholesale terms keep (wholesale.tiers.check_tiers), each at its
boundary: the refused value and the one just inside."""

import pytest
from flask_babel import force_locale

from storefront.catalog.pricing import Tier
from storefront.wholesale.errors import ShopError, ShopErrorCode
from storefront.wholesale.tiers import MAX_MINIMUM, MAX_TIERS, check_tiers

RETAIL = 100_000
Code = ShopErrorCode


def refusal(retail: int, minimum: object, tiers: list[Tier]) -> ShopErrorCode | None:
    """The code check_tiers refuses with; None when it accepts."""
    try:
        check_tiers(retail, minimum, tiers)  # type: ignore[arg-type]
    except ShopError as error:
        return error.code
    return None


@pytest.mark.parametrize(
    ("minimum", "code"),
    [
        (0, Code.INVALID_MINIMUM),
        (1, None),
        (MAX_MINIMUM, None),
        (MAX_MINIMUM + 1, Code.INVALID_MINIMUM),
        (-5, Code.INVALID_MINIMUM),
        ("10", Code.INVALID_MINIMUM),
        (10.0, Code.INVALID_MINIMUM),
        (True, Code.INVALID_MINIMUM),
        (None, Code.INVALID_MINIMUM),
    ],
)
def test_the_minimum_order_is_a_whole_number_from_1_to_the_largest_line(minimum, code):
    assert refusal(RETAIL, minimum, []) == code


def test_at_most_five_tiers():
    tiers = [Tier(10 * n, RETAIL - 1_000 * n) for n in range(1, MAX_TIERS + 2)]

    assert refusal(RETAIL, 1, tiers[:MAX_TIERS]) is None
    assert refusal(RETAIL, 1, tiers) == Code.TOO_MANY_TIERS


@pytest.mark.parametrize(
    ("price", "code"),
    [
        (RETAIL + 1, Code.TIER_NOT_BELOW_RETAIL),
        (RETAIL, Code.TIER_NOT_BELOW_RETAIL),
        (RETAIL - 1, None),
        (1, None),
        (0, Code.TIER_PRICE_ORDER),
        (-1, Code.TIER_PRICE_ORDER),
    ],
)
def test_a_tier_costs_at_least_one_dong_and_less_than_retail(price, code):
    assert refusal(RETAIL, 10, [Tier(50, price)]) == code


@pytest.mark.parametrize(
    ("price", "code"),
    [(85_001, Code.TIER_PRICE_ORDER), (85_000, Code.TIER_PRICE_ORDER), (84_999, None)],
)
def test_each_tier_costs_less_per_unit_than_the_one_before(price, code):
    assert refusal(RETAIL, 10, [Tier(50, 85_000), Tier(100, price)]) == code


@pytest.mark.parametrize(
    ("start", "code"),
    [(49, Code.TIER_QUANTITY_ORDER), (50, Code.TIER_QUANTITY_ORDER), (51, None)],
)
def test_each_tier_starts_at_more_units_than_the_one_before(start, code):
    assert refusal(RETAIL, 10, [Tier(50, 85_000), Tier(start, 80_000)]) == code


@pytest.mark.parametrize(
    ("start", "code"),
    [
        (9, Code.TIER_BELOW_MINIMUM),
        (10, None),
        (MAX_MINIMUM, None),
        (MAX_MINIMUM + 1, Code.TIER_QUANTITY_ORDER),
    ],
)
def test_a_tier_starts_between_the_minimum_and_the_largest_line(start, code):
    assert refusal(RETAIL, 10, [Tier(start, 85_000)]) == code


def test_the_tiers_are_judged_in_the_order_given_not_sorted():
    assert refusal(RETAIL, 1, [Tier(100, 80_000), Tier(50, 85_000)]) == Code.TIER_QUANTITY_ORDER


def test_a_deep_discount_at_a_tier_s_start_is_allowed():
    """50 at 50.000 ₫ cost less than 49 at retail: that is the saving offered to shops;
    within each tier the total still rises (test_tier_pricing)."""
    assert refusal(RETAIL, 10, [Tier(10, 50_000), Tier(50, 20_000)]) is None
    assert refusal(RETAIL, 50, [Tier(50, 1)]) is None


def test_no_tiers_is_retail_from_the_minimum_on():
    assert refusal(RETAIL, 25, []) is None


def test_the_first_rule_broken_is_the_one_reported():
    """A tier both below the minimum and above retail: the minimum is checked first."""
    assert refusal(RETAIL, 10, [Tier(5, RETAIL + 1)]) == Code.TIER_BELOW_MINIMUM


def test_the_messages_name_the_figures(app):
    with app.test_request_context(), force_locale("en"):
        messages = {}
        for minimum, tiers in [
            (0, []),
            (1, [Tier(n, RETAIL - n) for n in range(1, 8)]),
            (10, [Tier(50, RETAIL)]),
            (10, [Tier(50, 85_000), Tier(100, 85_000)]),
            (10, [Tier(50, 85_000), Tier(40, 80_000)]),
            (60, [Tier(50, 85_000)]),
        ]:
            with pytest.raises(ShopError) as refused:
                check_tiers(RETAIL, minimum, tiers)
            messages[refused.value.code] = refused.value.message()

    assert messages == {
        Code.INVALID_MINIMUM: "Enter the minimum order as a whole number from 1 to 9.999.",
        Code.TOO_MANY_TIERS: "Give at most 5 price tiers.",
        Code.TIER_NOT_BELOW_RETAIL: (
            "A wholesale price must be below the retail price of 100.000\u00a0₫."
        ),
        Code.TIER_PRICE_ORDER: (
            "Prices must fall as quantities rise: the tier from 100 units must cost less "
            "than 85.000\u00a0₫."
        ),
        Code.TIER_QUANTITY_ORDER: (
            "Each tier must start at more units than the one before (40 is not)."
        ),
        Code.TIER_BELOW_MINIMUM: "A tier cannot start below the minimum order of 60 units.",
    }
