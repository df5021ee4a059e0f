"""The shipping fee comes from the table in the database: the province's zone, the weight
band the parcel fits, nothing from the free-shipping total up."""

from datetime import date

import pytest

from storefront.checkout.models import ShippingRate, ShippingZone, ShippingZoneProvince
from storefront.checkout.shipping import ShippingError, ShippingErrorCode, quote_shipping
from storefront.checkout.shipping_table import install_shipping_table
from storefront.extensions import db

TODAY = date(2026, 12, 3)
HANOI, CAN_THO, AN_GIANG = 1, 92, 91


def _quote(province: int, grams: int, subtotal: int = 100_000, free_above: int | None = 1_000_000):
    return quote_shipping(
        province, weight_grams=grams, subtotal_vnd=subtotal, free_above_vnd=free_above, today=TODAY
    )


@pytest.fixture
def table(app) -> None:
    assert install_shipping_table()
    db.session.commit()


@pytest.mark.usefixtures("table")
@pytest.mark.parametrize(
    ("province", "grams", "fee"),
    [
        (CAN_THO, 1000, 20_000),
        (CAN_THO, 1001, 30_000),
        (CAN_THO, 10_000, 60_000),
        (CAN_THO, 25_000, 100_000),
        (AN_GIANG, 500, 25_000),
        (HANOI, 3000, 50_000),
        (HANOI, 3001, 70_000),
    ],
)
def test_the_fee_is_the_zone_s_lightest_band_the_parcel_fits(province, grams, fee) -> None:
    assert _quote(province, grams).fee_vnd == fee


@pytest.mark.usefixtures("table")
def test_shipping_is_free_from_the_configured_total() -> None:
    assert _quote(HANOI, 500, subtotal=999_999).fee_vnd == 35_000
    free = _quote(HANOI, 500, subtotal=1_000_000)
    assert (free.fee_vnd, free.free) == (0, True)
    assert _quote(HANOI, 500, subtotal=5_000_000, free_above=None).fee_vnd == 35_000


@pytest.mark.usefixtures("table")
def test_the_earliest_delivery_follows_the_zone_s_lead_time() -> None:
    assert _quote(CAN_THO, 500).earliest_delivery == date(2026, 12, 4)
    assert _quote(HANOI, 500).earliest_delivery == date(2026, 12, 7)


def test_without_a_default_zone_only_named_provinces_are_served(app) -> None:
    db.session.add(
        ShippingZone(
            name="Cần Thơ",
            lead_days=1,
            provinces=[ShippingZoneProvince(province_code=CAN_THO)],
            rates=[ShippingRate(max_weight_grams=5000, fee_vnd=20_000)],
        )
    )
    db.session.commit()

    with pytest.raises(ShippingError) as nowhere:
        _quote(HANOI, 500)
    assert nowhere.value.code is ShippingErrorCode.NO_DELIVERY
    with pytest.raises(ShippingError) as heavy:
        _quote(CAN_THO, 5001)
    assert heavy.value.code is ShippingErrorCode.TOO_HEAVY


def test_the_table_is_installed_once(app) -> None:
    assert install_shipping_table()
    assert not install_shipping_table()
