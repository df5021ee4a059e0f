"""Several `send-pending` at once, as on several hosts, never send a message twice."""

import threading

import pytest
from sqlalchemy import select, text

from storefront.extensions import db as _db
from storefront.mail.delivery import DeliveryReport, send_pending
from storefront.mail.models import OutboxMessage, OutboxStatus
from tests.mail.conftest import queue_greeting

pytestmark = pytest.mark.postgres


def run_in_threads(app, count: int, batch_size: int) -> list[DeliveryReport]:
    """`send_pending` in `count` threads started together, each with its own connection."""
    start = threading.Barrier(count)
    reports: list[DeliveryReport] = []

    def sender() -> None:
        with app.app_context():
            start.wait()
            reports.append(send_pending(batch_size=batch_size))

    threads = [threading.Thread(target=sender) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a sender is stuck"
    return reports


def test_concurrent_senders_deliver_every_message_exactly_once(app, db, smtp_server):
    for n in range(60):
        queue_greeting(to=f"buyer{n}@example.com")
    db.session.commit()

    reports = run_in_threads(app, count=4, batch_size=5)

    recipients = [mail.recipients[0] for mail in smtp_server.messages]
    assert sorted(recipients) == sorted(f"buyer{n}@example.com" for n in range(60))
    assert sum(report.sent for report in reports) == 60
    messages = db.session.scalars(select(OutboxMessage)).all()
    assert {(m.status, m.attempts) for m in messages} == {(OutboxStatus.SENT, 1)}


def test_a_sender_skips_rows_another_sender_has_locked_instead_of_waiting(app, db, smtp_server):
    locked, free = queue_greeting(to="locked@example.com"), queue_greeting(to="free@example.com")
    db.session.commit()
    locked_id = locked.id

    with _db.engine.connect() as other_sender:
        other_sender.execute(
            text("SELECT id FROM mail_outbox WHERE id = :id FOR UPDATE"), {"id": locked_id}
        )
        [report] = run_in_threads(app, count=1, batch_size=10)
        other_sender.rollback()

    assert report.sent == 1
    assert [mail.recipients for mail in smtp_server.messages] == [["free@example.com"]]
    assert db.session.get(OutboxMessage, free.id, populate_existing=True).status == "sent"
    assert db.session.get(OutboxMessage, locked_id).status == OutboxStatus.PENDING
