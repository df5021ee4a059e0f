"""Price and availability, asked of one place by pages, the API and (later) cart and checkout."""

import enum
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
