"""Which products are certified, and so may be listed, searched and sold.

A product's current certificate is its newest verified one (by issue date); it is
*certified* while that has not expired on today's date in Vietnam. The pointer
`Product.current_certificate` is kept here, on every flush that adds, changes or removes
a certificate, so no other code sets it.
"""

from datetime import date

from sqlalchemy import Select, event, select, update
from sqlalchemy.orm import Session, aliased, contains_eager

from storefront.catalog.models import OcopCertificate, Product, ProductStatus, Verification
from storefront.extensions import db
from storefront.producers.models import Producer, ProducerStatus


def newest_verified(
    certificates: list[OcopCertificate], *, ignoring: frozenset = frozenset()
) -> OcopCertificate | None:
    """The newest verified certificate among these (leaving out those in `ignoring`)."""
    verified = [
        c for c in certificates if c.verification is Verification.VERIFIED and c not in ignoring
    ]
    return max(verified, key=lambda c: (c.issued_on, c.id or 0), default=None)


@event.listens_for(Session, "before_flush")
def _keep_current_certificates(session: Session, flush_context: object, instances: object) -> None:
    changed = [
        c
        for c in (*session.new, *session.dirty, *session.deleted)
        if isinstance(c, OcopCertificate)
    ]
    removed = frozenset(c for c in session.deleted if isinstance(c, OcopCertificate))
    for product in {c.product for c in changed if c.product is not None}:
        product.current_certificate = newest_verified(product.certificates, ignoring=removed)


def refresh_current_certificates() -> None:
    """Recompute every product's pointer in one UPDATE; for bulk inserts that bypass the
    ORM's flush (the load-test seed)."""
    newer = aliased(OcopCertificate)
    newest = (
        select(newer.id)
        .where(newer.product_id == Product.id, newer.verification == Verification.VERIFIED)
        .order_by(newer.issued_on.desc(), newer.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    db.session.execute(update(Product).values(current_certificate_id=newest))


def listed_products(today: date) -> Select[tuple[Product, OcopCertificate]]:
    """Products a shopper may see in lists: active, of an approved producer, certified today.

    Rows are (product, current certificate); the producer and certificate come loaded.
    """
    return (
        select(Product, OcopCertificate)
        .join(Product.producer)
        .join(OcopCertificate, OcopCertificate.id == Product.current_certificate_id)
        .where(
            Product.status == ProductStatus.ACTIVE,
            Producer.status == ProducerStatus.APPROVED,
            OcopCertificate.expires_on > today,  # on its expiry date it has expired
        )
        .options(
            contains_eager(Product.producer),
            contains_eager(Product.current_certificate),
        )
    )
