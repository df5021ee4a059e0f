"""How mail leaves the store: SMTP, or (in development) a .eml file and the log."""

import contextlib
import smtplib
import ssl
from collections.abc import Callable
from datetime import UTC
from email.errors import MessageError
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urlsplit

from flask import current_app

from storefront.mail.models import OutboxMessage


class PermanentFailure(Exception):
    """The message can never be delivered: a malformed or refused recipient address."""


def send(message: OutboxMessage) -> None:
    """Hand the message to the configured backend.

    Raises OSError (smtplib's errors included) when a later attempt may succeed, and
    PermanentFailure when none can.
    """
    BACKENDS[current_app.config["MAIL_BACKEND"]](message, build_email(message))


def build_email(message: OutboxMessage) -> EmailMessage:
    """A multipart/alternative message: the text part, then the HTML part."""
    host = urlsplit(current_app.config["STORE_URL"]).hostname or "localhost"
    email = EmailMessage()
    # A bad MAIL_DEFAULT_SENDER raises as it is: a setting to fix, not mail to give up on.
    email["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    try:
        email["To"] = message.recipient
        email["Subject"] = message.subject
    except (ValueError, MessageError) as error:
        raise PermanentFailure(f"Cannot address the message: {error}") from error
    email["Date"] = format_datetime(message.created_at.replace(tzinfo=UTC))
    # Stable per outbox row, so a receiving system can tell a retried message from a new one.
    email["Message-ID"] = f"<outbox-{message.id}-{message.created_at:%Y%m%d%H%M%S}@{host}>"
    email.set_content(message.text_body)
    email.add_alternative(message.html_body, subtype="html")
    email["Content-Language"] = message.locale  # after set_content, which drops Content-*
    return email


def _send_smtp(message: OutboxMessage, email: EmailMessage) -> None:
    config = current_app.config
    smtp = smtplib.SMTP(
        config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT_SECONDS"]
    )
    try:
        if config["MAIL_USE_TLS"]:
            smtp.starttls(context=ssl.create_default_context())
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
        smtp.send_message(email)
    except smtplib.SMTPRecipientsRefused as error:
        if all(code >= 500 for code, _ in error.recipients.values()):
            raise PermanentFailure(f"Recipient refused: {error.recipients}") from error
        raise
    finally:
        # Once the server accepted the message, a failed goodbye does not undo that.
        with contextlib.suppress(OSError):
            smtp.quit()
        smtp.close()


def _write_file(message: OutboxMessage, email: EmailMessage) -> None:
    directory = Path(current_app.config["MAIL_DIR"])
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{message.created_at:%Y%m%d-%H%M%S}-{message.id}.eml"
    path.write_bytes(bytes(email))
    current_app.logger.info(
        "Mail to %s (%s): %s\n\n%s\nSaved as %s",
        message.recipient,
        message.locale,
        message.subject,
        message.text_body,
        path,
    )


BACKENDS: dict[str, Callable[[OutboxMessage, EmailMessage], None]] = {
    "smtp": _send_smtp,
    "file": _write_file,
}
