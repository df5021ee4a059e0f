"""Staff decisions about producers: approve or reject an application, suspend, reinstate.

Each decision moves a producer from one status to another (pending → approved or rejected,
approved ⇄ suspended), records who took it, when and why, and commits once. The
applicant is e-mailed about an approval or a rejection.
"""

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from storefront.accounts.models import Role, User
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.mail.outbox import queue_mail
from storefront.producers.errors import InvalidTransition, ProducerError, ProducerErrorCode
from storefront.producers.models import Producer, ProducerStatus


def pending_applications() -> list[Producer]:
    """Applications waiting for a decision, oldest first, with their applicants."""
    return list(
        db.session.scalars(
            select(Producer)
            .where(Producer.status == ProducerStatus.PENDING)
            .options(selectinload(Producer.applicant), selectinload(Producer.decided_by))
            .order_by(Producer.created_at, Producer.id)
        )
    )


def _decide(
    producer: Producer, source: ProducerStatus, to: ProducerStatus, *, staff: User, reason: str
) -> None:
    """Move the producer from `source` to `to`. Raises InvalidTransition when it is not in
    `source`, also when another staff member decided first."""
    # Conditional in the database, so two decisions at once cannot both apply.
    changed = db.session.execute(
        update(Producer)
        .where(Producer.id == producer.id, Producer.status == source)
        .values(
            status=to, decided_by_id=staff.id, decided_at=utcnow(), decision_reason=reason.strip()
        )
    )
    if changed.rowcount != 1:
        raise InvalidTransition()


def _required(reason: str) -> str:
    if not reason.strip():
        raise ProducerError(ProducerErrorCode.REASON_REQUIRED)
    return reason


def _members(producer: Producer) -> list[User]:
    return list(db.session.scalars(select(User).where(User.producer_id == producer.id)))


def approve_application(producer: Producer, *, staff: User, note: str = "") -> None:
    """The producer may sell; its applicant, still its member, gets the producer role.

    Raises InvalidTransition unless the application is pending.
    """
    _decide(producer, ProducerStatus.PENDING, ProducerStatus.APPROVED, staff=staff, reason=note)
    applicant = producer.applicant
    if applicant is not None:
        if applicant.producer_id == producer.id:
            applicant.role = Role.PRODUCER
        queue_mail(
            to=applicant.email,
            template="producer_approved",
            locale=applicant.locale,
            name=applicant.name,
            producer_name=producer.name,
            note=producer.decision_reason,
        )
    db.session.commit()


def reject_application(producer: Producer, *, staff: User, reason: str) -> None:
    """Refuse an application; the applicant is told why and may revise and resubmit it.

    Raises ProducerError(REASON_REQUIRED), InvalidTransition unless it is pending.
    """
    _decide(
        producer,
        ProducerStatus.PENDING,
        ProducerStatus.REJECTED,
        staff=staff,
        reason=_required(reason),
    )
    applicant = producer.applicant
    if applicant is not None:
        if applicant.producer_id == producer.id:
            applicant.producer_id = None
        queue_mail(
            to=applicant.email,
            template="producer_rejected",
            locale=applicant.locale,
            name=applicant.name,
            producer_name=producer.name,
            reason=producer.decision_reason,
        )
    db.session.commit()


def suspend_producer(producer: Producer, *, staff: User, reason: str) -> None:
    """Its products leave the store at once (listing needs an approved producer) and its
    members are signed out everywhere.

    Raises ProducerError(REASON_REQUIRED), InvalidTransition unless it is approved.
    """
    _decide(
        producer,
        ProducerStatus.APPROVED,
        ProducerStatus.SUSPENDED,
        staff=staff,
        reason=_required(reason),
    )
    for member in _members(producer):
        member.end_all_sessions()
    db.session.commit()


def reinstate_producer(producer: Producer, *, staff: User) -> None:
    """Its products return to the store. Raises InvalidTransition unless it is suspended."""
    _decide(producer, ProducerStatus.SUSPENDED, ProducerStatus.APPROVED, staff=staff, reason="")
    db.session.commit()
