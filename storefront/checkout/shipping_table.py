"""The store's first shipping table: zones around Cần Thơ, where the programme's producers
are, and the rest of the country. Installed by `flask seed-demo` and by
`flask checkout install-shipping` when the table is empty; staff change fees in the
database afterwards."""

from sqlalchemy import func, select

from storefront.checkout.models import ShippingRate, ShippingZone, ShippingZoneProvince
from storefront.extensions import db

# (upper bound in grams or None for "above", fee in đồng)
_BANDS = {
    "local": [(1000, 20_000), (3000, 30_000), (5000, 40_000), (10_000, 60_000), (None, 100_000)],
    "mekong": [(1000, 25_000), (3000, 35_000), (5000, 50_000), (10_000, 75_000), (None, 120_000)],
    "national": [
        (1000, 35_000),
        (3000, 50_000),
        (5000, 70_000),
        (10_000, 100_000),
        (None, 160_000),
    ],
}
ZONES = [
    # name, English name, provinces, lead days, bands, default
    ("Cần Thơ", "Can Tho", [92], 1, "local", False),
    (
        "Đồng bằng sông Cửu Long",
        "Mekong Delta",
        [80, 82, 86, 91, 96],
        2,
        "mekong",
        False,
    ),
    ("Toàn quốc", "Nationwide", [], 4, "national", True),
]


def install_shipping_table() -> bool:
    """Add the zones above when there are none; False when a table is already there."""
    if db.session.scalar(select(func.count(ShippingZone.id))):
        return False
    for position, (name, name_en, provinces, lead_days, bands, default) in enumerate(ZONES):
        db.session.add(
            ShippingZone(
                name=name,
                name_en=name_en,
                is_default=default,
                lead_days=lead_days,
                position=position,
                provinces=[ShippingZoneProvince(province_code=code) for code in provinces],
                rates=[ShippingRate(max_weight_grams=g, fee_vnd=fee) for g, fee in _BANDS[bands]],
            )
        )
    db.session.flush()
    return True
