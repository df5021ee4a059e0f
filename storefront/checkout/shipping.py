"""The shipping fee of a parcel: the zone of the province it goes to, the fee of the
lightest weight band it fits, nothing above the free-shipping total; and the earliest
day it can arrive."""

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storefront.checkout.models import ShippingRate, ShippingZone, ShippingZoneProvince
from storefront.coded_errors import CodedError
from storefront.extensions import db


class ShippingErrorCode(enum.StrEnum):
    NO_DELIVERY = "no_delivery"
    TOO_HEAVY = "too_heavy"


_MESSAGES: dict[ShippingErrorCode, LazyString] = {
    ShippingErrorCode.NO_DELIVERY: _l("We do not deliver to this province yet."),
    ShippingErrorCode.TOO_HEAVY: _l(
        "This order is too heavy to ship as one parcel. Split it into smaller orders."
    ),
}


class ShippingError(CodedError):
    code: ShippingErrorCode
    messages = _MESSAGES


@dataclass(frozen=True)
class ShippingQuote:
    zone: ShippingZone
    fee_vnd: int  # what the buyer pays: 0 when shipping is free
    free: bool  # free because the order reaches the free-shipping total
    earliest_delivery: date


def zone_for(province_code: int) -> ShippingZone | None:
    """The zone naming the province, else the default zone, else None (no delivery)."""
    zone = db.session.scalar(
        select(ShippingZone)
        .join(ShippingZoneProvince)
        .where(ShippingZoneProvince.province_code == province_code)
        .options(selectinload(ShippingZone.rates))
    )
    if zone is None:
        zone = db.session.scalar(
            select(ShippingZone)
            .where(ShippingZone.is_default.is_(True))
            .order_by(ShippingZone.position, ShippingZone.id)
            .limit(1)
            .options(selectinload(ShippingZone.rates))
        )
    return zone


def band_for(rates: list[ShippingRate], weight_grams: int) -> ShippingRate | None:
    """The lightest band the weight fits; a band without a limit fits everything."""
    fitting = [r for r in rates if r.max_weight_grams is None or weight_grams <= r.max_weight_grams]
    return min(
        fitting, key=lambda r: (r.max_weight_grams is None, r.max_weight_grams or 0), default=None
    )


def quote_shipping(
    province_code: int,
    *,
    weight_grams: int,
    subtotal_vnd: int,
    free_above_vnd: int | None,
    today: date,
) -> ShippingQuote:
    """What shipping costs to this province. `free_above_vnd` None means never free.

    Raises ShippingError when the store does not deliver there or no band fits the weight.
    """
    zone = zone_for(province_code)
    if zone is None:
        raise ShippingError(ShippingErrorCode.NO_DELIVERY)
    band = band_for(zone.rates, weight_grams)
    if band is None:
        raise ShippingError(ShippingErrorCode.TOO_HEAVY)
    free = free_above_vnd is not None and subtotal_vnd >= free_above_vnd
    return ShippingQuote(
        zone=zone,
        fee_vnd=0 if free else band.fee_vnd,
        free=free,
        earliest_delivery=today + timedelta(days=zone.lead_days),
    )
