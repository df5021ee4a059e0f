"""Applying to sell on the store: a signed-in user submits a producer, which waits for staff.

The applicant becomes the producer's member at once (so they see the application's state)
and gets the producer role only when staff approve it (see review.py).
"""

from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storefront.accounts.contact import display_phone, normalize_phone
from storefront.accounts.errors import InvalidPhone
from storefront.accounts.models import User
from storefront.extensions import db
from storefront.producers.errors import ProducerError, ProducerErrorCode
from storefront.producers.logos import discard_logo, read_logo, store_logo
from storefront.producers.models import Producer, ProducerKind, ProducerStatus
from storefront.producers.places import check_locality
from storefront.producers.tax_codes import normalize_tax_code
from storefront.slugs import unique_slug


@dataclass(frozen=True)
class Application:
    """What an applicant fills in; checked and normalised by submit_application."""

    name: str
    kind: ProducerKind
    tax_code: str
    province_code: int
    ward_code: int
    address: str
    phone: str
    story: str


@dataclass(frozen=True)
class Logo:
    """An uploaded file as sent: its content and the name the browser gave it."""

    stream: IO[bytes]
    filename: str


def membership(user: User) -> Producer | None:
    """The producer the user belongs to, whatever its status."""
    return db.session.get(Producer, user.producer_id) if user.producer_id else None


def last_rejected(user: User) -> Producer | None:
    """The user's most recent rejected application, which they may revise and resubmit."""
    return db.session.scalar(
        select(Producer)
        .where(Producer.applicant_id == user.id, Producer.status == ProducerStatus.REJECTED)
        .order_by(Producer.id.desc())
        .limit(1)
    )


def _tax_code_taken(tax_code: str, *, producer_id: int | None) -> bool:
    query = select(Producer.id).where(Producer.tax_code == tax_code)
    if producer_id is not None:
        query = query.where(Producer.id != producer_id)
    return db.session.scalar(query.limit(1)) is not None


def submit_application(
    application: Application, *, applicant: User, logo: Logo | None, upload_dir: Path
) -> Producer:
    """A pending producer with the applicant as its member; a rejected application of theirs
    is revised rather than duplicated. Nothing is stored when anything is refused.

    Raises ProducerError (ALREADY_A_MEMBER, INVALID_TAX_CODE, TAX_CODE_TAKEN,
    UNKNOWN_PROVINCE, WARD_NOT_IN_PROVINCE, LOGO_*) and InvalidPhone.
    """
    if applicant.producer_id is not None:
        raise ProducerError(ProducerErrorCode.ALREADY_A_MEMBER)
    tax_code = normalize_tax_code(application.tax_code)
    check_locality(application.province_code, application.ward_code)
    phone = normalize_phone(application.phone)
    if phone is None:
        raise InvalidPhone()
    picture = read_logo(logo.stream, logo.filename) if logo else None
    producer = last_rejected(applicant) or Producer(applicant=applicant)
    if _tax_code_taken(tax_code, producer_id=producer.id):
        raise ProducerError(ProducerErrorCode.TAX_CODE_TAKEN)

    producer.name = application.name.strip()
    others = Producer.id != producer.id if producer.id is not None else None
    producer.slug = unique_slug(Producer.slug, producer.name, fallback="producer", among=others)
    producer.kind = application.kind
    producer.tax_code = tax_code
    producer.province_code = application.province_code
    producer.ward_code = application.ward_code
    producer.address = application.address.strip()
    producer.phone = display_phone(phone)
    producer.story = application.story.strip()
    producer.status = ProducerStatus.PENDING
    old_logo, new_logo = producer.logo, store_logo(picture, upload_dir) if picture else None
    if new_logo:
        producer.logo = new_logo
    try:
        db.session.add(producer)
        db.session.flush()
        applicant.producer_id = producer.id
        db.session.commit()
    except IntegrityError as error:  # another application took the tax code (or slug) meanwhile
        db.session.rollback()
        if new_logo:
            discard_logo(new_logo, upload_dir)
        raise ProducerError(ProducerErrorCode.TAX_CODE_TAKEN) from error
    if new_logo and old_logo:
        discard_logo(old_logo, upload_dir)
    return producer
