"""`flask certificates expire-notices`: tell producers, 90 and 30 days ahead, that a
certificate of a product they sell is about to expire, so they can apply for renewal.

Idempotent: a notice row per (certificate, threshold) with a unique constraint records
each mail in the same transaction that queues it, so reruns, and two hosts running the
command at once, send each notice once.
"""

from datetime import date, timedelta

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from storefront.catalog.models import ExpiryNotice, OcopCertificate, Product, ProductStatus
from storefront.extensions import db
from storefront.producers.members import mail_members

THRESHOLDS = (90, 30)  # days before expiry, the widest first


def _due(today: date, days: int) -> list[OcopCertificate]:
    """Current certificates of active products that expire within `days` and have not
    expired, with no notice yet for this threshold."""
    notified = exists().where(
        ExpiryNotice.certificate_id == OcopCertificate.id, ExpiryNotice.days_before == days
    )
    return list(
        db.session.scalars(
            select(OcopCertificate)
            .join(Product, Product.current_certificate_id == OcopCertificate.id)
            .where(
                Product.status == ProductStatus.ACTIVE,
                OcopCertificate.expires_on > today,
                OcopCertificate.expires_on <= today + timedelta(days=days),
                ~notified,
            )
            .options(joinedload(OcopCertificate.product))
            .order_by(OcopCertificate.expires_on, OcopCertificate.id)
        )
    )


def send_expiry_notices(*, today: date) -> int:
    """Queue the notices that are due; returns how many certificates were notified.

    A certificate already inside 30 days that never had its 90-day notice gets only the
    30-day one: both thresholds are then recorded.
    """
    sent = 0
    for days in sorted(THRESHOLDS):  # the most urgent first
        for certificate in _due(today, days):
            wider = [d for d in THRESHOLDS if d >= days]
            try:
                with db.session.begin_nested():
                    for threshold in wider:
                        db.session.merge(_notice_row(certificate.id, threshold))
                    _queue(certificate, today=today)
                    db.session.flush()
            except IntegrityError:  # another host sent this one first
                continue
            sent += 1
    db.session.commit()
    return sent


def _notice_row(certificate_id: int, days: int) -> ExpiryNotice:
    existing = db.session.scalar(
        select(ExpiryNotice).where(
            ExpiryNotice.certificate_id == certificate_id, ExpiryNotice.days_before == days
        )
    )
    return existing or ExpiryNotice(certificate_id=certificate_id, days_before=days)


def _queue(certificate: OcopCertificate, *, today: date) -> None:
    product = certificate.product
    mail_members(
        product.producer_id,
        template="certificate_expiring",
        product_name=product.name,
        decision_number=certificate.decision_number,
        expires_on=certificate.expires_on,
        days_left=(certificate.expires_on - today).days,
    )
