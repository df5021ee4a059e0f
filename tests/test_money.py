"""Prices are whole đồng, written "150.000 ₫" in every language."""

import pytest

from storefront.money import format_vnd


@pytest.mark.parametrize(
    ("amount", "written"),
    [
        (0, "0 ₫"),
        (500, "500 ₫"),
        (150_000, "150.000 ₫"),
        (1_250_000, "1.250.000 ₫"),
        (-35_000, "-35.000 ₫"),
    ],
)
def test_format_vnd(amount, written):
    assert format_vnd(amount).replace("\u00a0", " ") == written
