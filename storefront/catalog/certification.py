"""Which products are certified, and so may be listed, searched and sold."""

from datetime import date

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import aliased, contains_eager

from storefront.catalog.models import OcopCertificate, Product, ProductStatus, Verification
from storefront.producers.models import Producer, ProducerStatus


def current_certificate_id() -> ColumnElement[int]:
    """Per product row: the id of its newest verified certificate (expired or not)."""
    newer = aliased(OcopCertificate)
    return (
        select(newer.id)
        .where(newer.product_id == Product.id, newer.verification == Verification.VERIFIED)
        .order_by(newer.issued_on.desc(), newer.id.desc())
        .limit(1)
        .correlate(Product)
        .scalar_subquery()
    )


def current_certificate(product: Product) -> OcopCertificate | None:
    """The product's newest verified certificate, whether or not it has expired."""
    verified = [c for c in product.certificates if c.verification is Verification.VERIFIED]
    return max(verified, key=lambda c: (c.issued_on, c.id), default=None)


def listed_products(today: date) -> Select[tuple[Product, OcopCertificate]]:
    """Products a shopper may see in lists: active, of an approved producer, certified today.

    Rows are (product, current certificate); the producer and cover picture come loaded.
    """
    return (
        select(Product, OcopCertificate)
        .join(Product.producer)
        .join(OcopCertificate, OcopCertificate.id == current_certificate_id())
        .where(
            Product.status == ProductStatus.ACTIVE,
            Producer.status == ProducerStatus.APPROVED,
            OcopCertificate.expires_on > today,
        )
        .options(contains_eager(Product.producer))
    )
