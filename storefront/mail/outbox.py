"""The API other domains use to send mail: `queue_mail`, inside the caller's transaction.

A mail is two templates, `templates/mail/<name>.txt` and `.html`, both extending
`mail/base.txt` / `mail/base.html` and filling `{% block body %}`; the .txt one also holds
`{% block subject %}`. Both receive the caller's keyword arguments plus `subject`, `locale`
and `store_url`. Links must be absolute: `url_for(..., _external=True)`.
"""

import contextvars

from flask import Flask, current_app, render_template
from flask_babel import force_locale
from sqlalchemy import event
from sqlalchemy.orm import Session

from storefront.extensions import db
from storefront.mail.models import OutboxMessage

# Keys in Session.info: ids flushed in the open transaction, and ids whose transaction
# committed and that wait to be delivered.
_QUEUED = "mail.queued"
_COMMITTED = "mail.committed"


def queue_mail(*, to: str, template: str, locale: str, **context: object) -> OutboxMessage:
    """Render the mail `template` in `locale` ("vi" or "en") and add it to the outbox.

    Flushes, never commits: the caller's use case commits the mail with its change, and
    it is delivered after that commit. An unknown locale falls back to the store's default.
    Raises jinja2.TemplateNotFound, or LookupError when the .txt has no subject block.
    """
    app = current_app._get_current_object()
    if locale not in app.config["LANGUAGES"]:
        locale = app.config["BABEL_DEFAULT_LOCALE"]
    # Rendered apart from the request being served, if any: links are built on STORE_URL,
    # never on the Host header a visitor controls, and nothing of the visitor (language,
    # cookies, signed-in user) leaks into a mail meant for someone else.
    subject, text, html = contextvars.Context().run(_render, app, template, locale, context)
    message = OutboxMessage(
        recipient=to,
        template=template,
        locale=locale,
        subject=subject,
        text_body=text,
        html_body=html,
    )
    db.session.add(message)
    db.session.flush()
    db.session.info.setdefault(_QUEUED, []).append(message.id)
    return message


def _render(app: Flask, template: str, locale: str, context: dict) -> tuple[str, str, str]:
    """(subject, text, html) of a mail, in a request context of its own on STORE_URL."""
    with app.test_request_context(base_url=app.config["STORE_URL"]), force_locale(locale):
        context = {**context, "locale": locale, "store_url": app.config["STORE_URL"]}
        subject = _render_subject(app, f"mail/{template}.txt", context)
        text = render_template(f"mail/{template}.txt", subject=subject, **context)
        html = render_template(f"mail/{template}.html", subject=subject, **context)
    return subject, text.strip() + "\n", html


def _render_subject(app: Flask, name: str, context: dict) -> str:
    """The template's `{% block subject %}` alone, on one line."""
    template = app.jinja_env.get_template(name)
    block = template.blocks.get("subject")
    if block is None:
        raise LookupError(f"{name} has no {{% block subject %}}")
    full_context = dict(context)
    app.update_template_context(full_context)
    return " ".join("".join(block(template.new_context(full_context))).split())


def take_committed(session: Session) -> list[int]:
    """The ids of messages whose transaction committed, now this caller's to deliver."""
    return session.info.pop(_COMMITTED, [])


def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint: the outer transaction may roll back
        return
    queued = session.info.pop(_QUEUED, None)
    if queued:
        session.info.setdefault(_COMMITTED, []).extend(queued)


def _after_rollback(session: Session) -> None:
    # After a savepoint rollback the ids stay; delivery claims rows by id, so an id whose
    # row was rolled back is simply not found.
    if not session.in_nested_transaction():
        session.info.pop(_QUEUED, None)


def watch_transactions() -> None:
    """Follow the commits and rollbacks of `db.session` (once per process)."""
    for name, listener in (("after_commit", _after_commit), ("after_rollback", _after_rollback)):
        if not event.contains(db.session, name, listener):
            event.listen(db.session, name, listener)
