"""Mail is delivered after the response, once; a mail server that is down neither slows
nor fails the request, and `flask mail send-pending` delivers the mail later, once."""

import email
import email.policy
import logging
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from storefront.clock import utcnow
from storefront.mail.delivery import MAX_ATTEMPTS, backoff, deliver, send_pending
from storefront.mail.models import OutboxMessage, OutboxStatus
from storefront.mail.outbox import take_committed
from tests.mail.conftest import queue_greeting

pytestmark = pytest.mark.usefixtures("on_both_databases")


def the_message(db) -> OutboxMessage:
    return db.session.scalars(select(OutboxMessage).execution_options(populate_existing=True)).one()


def send_pending_command(app) -> str:
    result = app.test_cli_runner().invoke(args=["mail", "send-pending"])
    assert result.exit_code == 0, result.output
    return result.output


def make_due(db) -> None:
    """As if the backoff had passed."""
    db.session.execute(update(OutboxMessage).values(next_attempt_at=utcnow()))
    db.session.commit()


@pytest.mark.parametrize(
    ("locale", "subject"), [("vi", "Xem danh mục sản phẩm"), ("en", "Browse the catalogue")]
)
def test_mail_committed_in_a_request_is_sent_once_after_the_response(
    client, db, smtp_server, mail_view, locale, subject
):
    response = client.post(mail_view, data={"to": "lan@example.com", "locale": locale})
    assert response.status_code == 200
    assert smtp_server.messages == []  # the body is out; delivery waits for the close

    response.close()

    [mail] = smtp_server.messages
    assert mail.recipients == ["lan@example.com"]
    assert mail.message["Subject"] == subject
    assert mail.message["Content-Language"] == locale
    assert "Chợ OCOP" in mail.message["From"]
    assert mail.message.get_content_type() == "multipart/alternative"
    text, html = mail.message.iter_parts()
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    assert "Hello Lan," in text.get_content()
    assert f"<title>{subject}</title>" in html.get_content()
    message = the_message(db)
    assert (message.status, message.attempts, message.last_error) == (OutboxStatus.SENT, 1, None)
    assert message.sent_at is not None
    assert "0 sent" in send_pending_command(app=client.application)
    assert len(smtp_server.messages) == 1


def test_mail_rolled_back_in_a_request_is_never_sent(client, db, smtp_server, mail_view):
    client.post(mail_view, data={"to": "lan@example.com", "then": "rollback"}).close()

    assert smtp_server.messages == []
    assert db.session.scalars(select(OutboxMessage)).all() == []


def test_a_mail_server_that_is_down_delays_the_mail_but_never_the_request(
    app, client, db, smtp_server, mail_view
):
    smtp_server.stop()
    started = time.monotonic()
    response = client.post(mail_view, data={"to": "lan@example.com"})
    response.close()
    elapsed = time.monotonic() - started

    assert response.status_code == 200 and response.text == "done"
    assert elapsed < 1
    message = the_message(db)
    assert (message.status, message.attempts) == (OutboxStatus.PENDING, 1)
    assert message.last_error
    assert message.next_attempt_at > utcnow() + timedelta(seconds=50)

    smtp_server.start()
    assert "0 sent" in send_pending_command(app)  # not due yet: it backs off
    make_due(db)
    assert "1 sent" in send_pending_command(app)
    assert "0 sent" in send_pending_command(app)

    assert [mail.recipients for mail in smtp_server.messages] == [["lan@example.com"]]
    message = the_message(db)
    assert (message.status, message.attempts, message.last_error) == (OutboxStatus.SENT, 2, None)


def test_each_failure_waits_twice_as_long_up_to_four_hours():
    assert [backoff(n) for n in (1, 2, 3, 4)] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert backoff(20) == timedelta(hours=4)


def test_a_mail_is_given_up_after_the_last_attempt(app, db, smtp_server):
    smtp_server.stop()
    queue_greeting().attempts = MAX_ATTEMPTS - 1
    db.session.commit()

    assert "1 given up" in send_pending_command(app)

    message = the_message(db)
    assert (message.status, message.attempts) == (OutboxStatus.FAILED_PERMANENTLY, MAX_ATTEMPTS)


def test_a_malformed_address_is_given_up_at_once(db, smtp_server):
    queue_greeting(to="lan@example.com\nBcc: everyone@example.com")
    db.session.commit()

    report = deliver(take_committed(db.session))

    assert (report.sent, report.given_up) == (0, 1)
    assert the_message(db).status == OutboxStatus.FAILED_PERMANENTLY
    assert smtp_server.messages == []


def test_the_file_backend_writes_an_eml_and_logs_the_text(app, db, tmp_path, caplog):
    app.config.update(MAIL_BACKEND="file", MAIL_DIR=tmp_path / "mail")
    caplog.set_level(logging.INFO, logger=app.logger.name)
    queue_greeting(locale="en")
    db.session.commit()

    assert send_pending().sent == 1

    [path] = (tmp_path / "mail").glob("*.eml")
    written = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert written["Subject"] == "Browse the catalogue"
    assert [part.get_content_type() for part in written.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    assert "https://cho-ocop.example/" in caplog.text
    assert "lan@example.com" in caplog.text and str(path) in caplog.text
