"""Certificate use cases: a producer submits (or renews), staff verify or reject.

Each use case commits once. A verified certificate becomes the product's current one by
itself (catalog.certification keeps the pointer on flush), which lists the product if it
is active and its producer approved.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from storefront.accounts.models import User
from storefront.catalog.errors import (
    CatalogErrorCode,
    CertificateNotPending,
    InvalidCertificate,
    ReasonRequired,
)
from storefront.catalog.models import (
    CERTIFICATE_MONTHS,
    IssuingBody,
    OcopCertificate,
    Product,
    Verification,
    add_months,
)
from storefront.catalog.uploads import remove_files, store_scan
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.producers.members import mail_members
from storefront.producers.models import Producer


@dataclass(frozen=True)
class CertificateFacts:
    """What the decision says, as a producer types it in."""

    stars: int
    decision_number: str
    issuing_body: IssuingBody
    issued_on: date
    expires_on: date | None  # None: the usual 36 months after issue


def check_facts(facts: CertificateFacts, *, today: date) -> date:
    """The expiry date these facts give. Raises InvalidCertificate when they cannot be right."""
    if facts.stars == 5 and facts.issuing_body is not IssuingBody.CENTRAL:
        raise InvalidCertificate(CatalogErrorCode.FIVE_STARS_ARE_CENTRAL)
    if facts.issued_on > today:
        raise InvalidCertificate(CatalogErrorCode.ISSUED_IN_FUTURE)
    expires_on = facts.expires_on or add_months(facts.issued_on, CERTIFICATE_MONTHS)
    if expires_on <= facts.issued_on:
        raise InvalidCertificate(CatalogErrorCode.EXPIRES_BEFORE_ISSUE)
    return expires_on


def submit_certificate(
    product: Product,
    *,
    facts: CertificateFacts,
    scan: BinaryIO,
    scan_name: str | None,
    actor: User,
    today: date,
    upload_dir: Path,
) -> OcopCertificate:
    """A pending certificate (new, or a renewal) for the product, with its scan.

    Raises InvalidCertificate or UploadRefused; then nothing is stored.
    """
    expires_on = check_facts(facts, today=today)
    scan_path = store_scan(scan, filename=scan_name, upload_dir=upload_dir)
    certificate = OcopCertificate(
        product=product,
        stars=facts.stars,
        decision_number=facts.decision_number.strip(),
        issuing_body=facts.issuing_body,
        issued_on=facts.issued_on,
        expires_on=expires_on,
        verification=Verification.PENDING,
        scan_path=scan_path,
        submitted_by_id=actor.id,
    )
    db.session.add(certificate)
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        remove_files(upload_dir, scan_path)
        raise
    return certificate


def pending_certificates() -> list[OcopCertificate]:
    """The staff queue, oldest first, with product, producer and submitter loaded."""
    return list(
        db.session.scalars(
            select(OcopCertificate)
            .where(OcopCertificate.verification == Verification.PENDING)
            .order_by(OcopCertificate.created_at, OcopCertificate.id)
            .options(
                joinedload(OcopCertificate.product).joinedload(Product.producer),
                joinedload(OcopCertificate.submitted_by),
            )
        )
    )


def find_certificate(
    certificate_id: int, *, producer: Producer | None = None
) -> OcopCertificate | None:
    """The certificate with this id; with `producer`, only if it is of that producer's product."""
    query = (
        select(OcopCertificate)
        .join(OcopCertificate.product)
        .where(OcopCertificate.id == certificate_id)
    )
    if producer is not None:
        query = query.where(Product.producer_id == producer.id)
    return db.session.scalar(query)


def _decide(certificate: OcopCertificate, *, to: Verification, actor: User, reason: str) -> None:
    decision = {
        "verification": to,
        "decided_by_id": actor.id,
        "decided_at": utcnow(),
        "decision_reason": reason or None,
    }
    # Claimed with one conditional UPDATE, so two staff deciding at once cannot both win.
    claimed = db.session.execute(
        update(OcopCertificate)
        .where(
            OcopCertificate.id == certificate.id,
            OcopCertificate.verification == Verification.PENDING,
        )
        .values(**decision)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        raise CertificateNotPending()
    # The same values through the ORM, so the flush moves the product's current certificate.
    for name, value in decision.items():
        setattr(certificate, name, value)
    template = "certificate_verified" if to is Verification.VERIFIED else "certificate_rejected"
    product = certificate.product
    mail_members(
        product.producer_id,
        template=template,
        product_name=product.name,
        stars=certificate.stars,
        decision_number=certificate.decision_number,
        expires_on=certificate.expires_on,
        reason=reason,
    )
    db.session.commit()


def verify_certificate(certificate: OcopCertificate, *, actor: User, note: str = "") -> None:
    """Staff confirm the certificate; the producer's members are told by mail.

    Raises CertificateNotPending when it was already decided.
    """
    _decide(certificate, to=Verification.VERIFIED, actor=actor, reason=note.strip())


def reject_certificate(certificate: OcopCertificate, *, actor: User, reason: str) -> None:
    """Staff refuse the certificate with a reason the producer's members receive by mail.

    Raises ReasonRequired without a reason, CertificateNotPending when already decided.
    """
    if not reason.strip():
        raise ReasonRequired()
    _decide(certificate, to=Verification.REJECTED, actor=actor, reason=reason.strip())


def recent_decisions(*, limit: int) -> list[OcopCertificate]:
    """The certificates staff decided last, newest first, with who decided loaded."""
    return list(
        db.session.scalars(
            select(OcopCertificate)
            .where(OcopCertificate.decided_at.is_not(None))
            .order_by(OcopCertificate.decided_at.desc())
            .limit(limit)
            .options(
                joinedload(OcopCertificate.product).joinedload(Product.producer),
                joinedload(OcopCertificate.decided_by),
            )
        )
    )
