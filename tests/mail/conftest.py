"""Mail fixtures: a test-only mail template, a store address, and a view that causes mail."""

from pathlib import Path

import pytest
from flask import Flask, request
from jinja2 import ChoiceLoader, FileSystemLoader

from storefront.extensions import db
from storefront.mail.outbox import queue_mail

STORE_URL = "https://cho-ocop.example"


@pytest.fixture(autouse=True)
def mail_templates(app: Flask) -> None:
    """`mail/greeting.txt|html` from tests/mail/templates, after the product's templates."""
    extra = FileSystemLoader(Path(__file__).parent / "templates")
    app.jinja_env.loader = ChoiceLoader([app.jinja_env.loader, extra])
    app.config["STORE_URL"] = STORE_URL


def queue_greeting(to: str = "lan@example.com", locale: str = "vi"):
    return queue_mail(to=to, template="greeting", locale=locale, name="Lan")


@pytest.fixture
def mail_view(app: Flask) -> str:
    """POST to the returned path queues a greeting, then commits (or rolls back if asked)."""

    def cause_mail() -> str:
        queue_greeting(to=request.form["to"], locale=request.form.get("locale", "vi"))
        if request.form.get("then") == "rollback":
            db.session.rollback()
        else:
            db.session.commit()
        return "done"

    app.add_url_rule("/test/cause-mail", view_func=cause_mail, methods=["POST"])
    return "/test/cause-mail"
