"""Delivering outbox messages: claim, send, record the outcome; failures back off.

Each message is first claimed (its attempt counted and its next attempt pushed past the
time a send can take) in a short transaction, so two senders never send the same row at
the same time; the outcome is committed as soon as the backend has answered. A sender that
dies mid-send leaves its claim to expire, and the message is tried again.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import select, update

from storefront.clock import utcnow
from storefront.extensions import db
from storefront.mail import transport
from storefront.mail.models import OutboxMessage, OutboxStatus

BATCH_SIZE = 50
MAX_ATTEMPTS = 12  # about 20 hours of retries with the backoff below
CLAIM = timedelta(minutes=5)  # longer than any SMTP timeout


def backoff(attempts: int) -> timedelta:
    """The wait after the n-th failed attempt: 1, 2, 4, 8... minutes, at most 4 hours."""
    return timedelta(minutes=min(2 ** (attempts - 1), 240))


@dataclass
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    given_up: int = 0

    def __str__(self) -> str:
        return f"{self.sent} sent, {self.retrying} to retry later, {self.given_up} given up"


def deliver(ids: Iterable[int]) -> DeliveryReport:
    """Send those of the given messages that are pending and due; commits.

    A message that another sender holds, or that was already sent, is skipped. A failed
    delivery never raises: the message waits for its next attempt.
    """
    claimed = [message_id for message_id in ids if _claim(message_id)]
    db.session.commit()
    return _send_claimed(claimed, DeliveryReport())


def send_pending(*, batch_size: int = BATCH_SIZE) -> DeliveryReport:
    """Send every pending message that is due, in batches; commits.

    Safe on several hosts at once: on PostgreSQL, rows another sender is claiming are
    skipped (FOR UPDATE SKIP LOCKED), and every claim is a conditional UPDATE.
    """
    report = DeliveryReport()
    while claimed := _claim_due(batch_size):
        _send_claimed(claimed, report)
    return report


def _claim_due(batch_size: int) -> list[int]:
    due = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.next_attempt_at <= utcnow(),
        )
        .order_by(OutboxMessage.next_attempt_at)
        .limit(batch_size)
        .with_for_update(skip_locked=True)
    )
    claimed = [message_id for message_id in db.session.scalars(due).all() if _claim(message_id)]
    db.session.commit()
    return claimed


def _claim(message_id: int) -> bool:
    """Count an attempt on a pending, due message and hold it; False if it is not ours."""
    now = utcnow()
    result = db.session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.status == OutboxStatus.PENDING,
            OutboxMessage.next_attempt_at <= now,
        )
        .values(attempts=OutboxMessage.attempts + 1, next_attempt_at=now + CLAIM)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def _send_claimed(ids: list[int], report: DeliveryReport) -> DeliveryReport:
    for message_id in ids:
        message = db.session.get_one(OutboxMessage, message_id)
        try:
            transport.send(message)
        except transport.PermanentFailure as error:
            _give_up(message, str(error))
            report.given_up += 1
        except OSError as error:  # smtplib's errors are OSErrors: connection, refusal, timeout
            if message.attempts >= MAX_ATTEMPTS:
                _give_up(message, str(error))
                report.given_up += 1
            else:
                _retry_later(message, str(error))
                report.retrying += 1
        else:
            message.status = OutboxStatus.SENT
            message.sent_at = utcnow()
            message.last_error = None
            report.sent += 1
        db.session.commit()
    return report


def _retry_later(message: OutboxMessage, error: str) -> None:
    message.last_error = error
    message.next_attempt_at = utcnow() + backoff(message.attempts)
    current_app.logger.warning(
        "Mail %d to %s failed (attempt %d), retrying at %s: %s",
        message.id,
        message.recipient,
        message.attempts,
        message.next_attempt_at,
        error,
    )


def _give_up(message: OutboxMessage, error: str) -> None:
    message.status = OutboxStatus.FAILED_PERMANENTLY
    message.last_error = error
    current_app.logger.error(
        "Mail %d to %s given up after %d attempts: %s",
        message.id,
        message.recipient,
        message.attempts,
        error,
    )
