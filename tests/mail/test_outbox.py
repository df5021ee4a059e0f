"""queue_mail renders a mail in its recipient's language and queues it in the caller's
transaction: nothing is sent before commit, nothing at all after a rollback."""

from sqlalchemy import func, select

from storefront.mail.delivery import deliver
from storefront.mail.models import OutboxMessage, OutboxStatus
from storefront.mail.outbox import take_committed
from tests.mail.conftest import STORE_URL, queue_greeting


def test_a_mail_is_rendered_in_the_recipients_language_with_links_to_the_store(db):
    vi = queue_greeting(to="lan@example.com", locale="vi")
    en = queue_greeting(to="anna@example.com", locale="en")

    assert (vi.subject, en.subject) == ("Xem danh mục sản phẩm", "Browse the catalogue")
    assert vi.text_body.startswith("Hello Lan,\n\nhttps://cho-ocop.example/")
    assert "Đặc sản địa phương đạt chuẩn OCOP" in vi.text_body
    assert "Certified local specialities" in en.text_body
    assert '<html lang="vi">' in vi.html_body
    assert "<title>Xem danh mục sản phẩm</title>" in vi.html_body
    assert f'<a class="button" href="{STORE_URL}/">Browse the catalogue</a>' in en.html_body
    assert (vi.status, vi.attempts, vi.sent_at) == (OutboxStatus.PENDING, 0, None)


def test_mail_links_use_the_store_address_not_the_host_a_visitor_sent(app, db):
    with app.test_request_context(base_url="http://evil.example", headers={"Cookie": "lang=en"}):
        message = queue_greeting(locale="vi")

    assert "evil.example" not in message.text_body + message.html_body
    assert message.subject == "Xem danh mục sản phẩm"


def test_an_unknown_language_falls_back_to_vietnamese(db):
    assert queue_greeting(locale="fr").locale == "vi"


def test_a_queued_mail_is_not_sent_before_commit(db, smtp_server):
    queue_greeting()

    assert take_committed(db.session) == []
    db.session.commit()
    deliver(take_committed(db.session))

    assert len(smtp_server.messages) == 1


def test_a_mail_queued_in_a_transaction_that_rolls_back_is_never_sent(db, smtp_server):
    queue_greeting()
    db.session.rollback()
    db.session.commit()

    assert take_committed(db.session) == []
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    assert smtp_server.messages == []


def test_mail_of_a_rolled_back_savepoint_is_dropped_and_the_rest_is_sent(db, smtp_server):
    with db.session.begin_nested() as savepoint:
        queue_greeting(to="dropped@example.com")
        savepoint.rollback()
    queue_greeting(to="kept@example.com")
    db.session.commit()

    deliver(take_committed(db.session))

    assert [mail.recipients for mail in smtp_server.messages] == [["kept@example.com"]]
