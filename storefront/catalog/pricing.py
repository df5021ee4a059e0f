"""Price and availability, asked of one place by pages, the API, cart, checkout and quotes:
what a product is offered for today, and the unit price of a line of any quantity, retail
or on a shop's wholesale tiers."""

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from storefront.catalog.models import OcopCertificate, Product, ProductStatus
from storefront.producers.models import ProducerStatus


class Unavailable(enum.StrEnum):
    """Why a product cannot be bought; the values are the codes the API reports."""

    NOT_CERTIFIED = "not_certified"
    CERTIFICATE_EXPIRED = "certificate_expired"
    NO_LONGER_SOLD = "no_longer_sold"
    SOLD_OUT = "sold_out"


@dataclass(frozen=True)
class Offer:
    price_vnd: int
    certificate: OcopCertificate | None
    unavailable: Unavailable | None

    @property
    def purchasable(self) -> bool:
        return self.unavailable is None

    @property
    def listed(self) -> bool:
        """Shown in lists, search and the API: everything purchasable, and the sold out."""
        return self.unavailable in (None, Unavailable.SOLD_OUT)


@dataclass(frozen=True, order=True)
class Tier:
    """From `min_quantity` units of a line on, each costs `unit_price_vnd`."""

    min_quantity: int
    unit_price_vnd: int


def unit_price(retail_vnd: int, tiers: Sequence[Tier], quantity: int) -> int:
    """What one unit costs when a line holds `quantity`: the price of the tier with the
    largest minimum not above `quantity`, never more than retail; retail when no tier
    applies. A retail buyer has no tiers; a shop's come from wholesale.price_list."""
    price = retail_vnd
    for tier in sorted(tiers):
        if tier.min_quantity > quantity:
            break
        price = tier.unit_price_vnd
    return min(price, retail_vnd)


def next_tier(retail_vnd: int, tiers: Sequence[Tier], quantity: int) -> Tier | None:
    """The nearest tier above `quantity` that costs less per unit than `quantity` does,
    priced as unit_price would price it: the saving to offer ("order 50 for 85.000 ₫
    each"). None at the last tier and for a retail buyer."""
    now = unit_price(retail_vnd, tiers, quantity)
    for tier in sorted(tiers):
        price = unit_price(retail_vnd, tiers, tier.min_quantity)
        if tier.min_quantity > quantity and price < now:
            return Tier(tier.min_quantity, price)
    return None


def retail_price(product: Product) -> int:
    """The price a retail shopper pays for one unit, in whole đồng."""
    return product.price_vnd


def offer_for(product: Product, *, today: date) -> Offer:
    """What a shopper is offered for this product today, and if nothing, why."""
    certificate = product.current_certificate
    reason: Unavailable | None = None
    withdrawn = product.status is not ProductStatus.ACTIVE
    if withdrawn or product.producer.status is not ProducerStatus.APPROVED:
        reason = Unavailable.NO_LONGER_SOLD
    elif certificate is None:
        reason = Unavailable.NOT_CERTIFIED
    elif not certificate.is_valid_on(today):
        reason = Unavailable.CERTIFICATE_EXPIRED
    elif product.stock <= 0:
        reason = Unavailable.SOLD_OUT
    return Offer(retail_price(product), certificate, reason)
