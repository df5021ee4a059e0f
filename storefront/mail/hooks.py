"""Wiring: mail committed during a request is delivered after the response has been sent;
mail committed outside a request (a CLI command) when its app context ends. What is not
delivered then waits in the outbox for `flask mail send-pending`."""

from functools import partial

from flask import Flask, current_app
from werkzeug.wrappers import Response

from storefront.extensions import db
from storefront.mail.delivery import deliver
from storefront.mail.outbox import take_committed, watch_transactions
from storefront.mail.transport import BACKENDS


def init_mail(app: Flask) -> None:
    """Raises RuntimeError when MAIL_BACKEND names no backend."""
    if app.config["MAIL_BACKEND"] not in BACKENDS:
        raise RuntimeError(f"MAIL_BACKEND must be one of {', '.join(BACKENDS)}")
    watch_transactions()
    app.after_request(_deliver_after_response)
    app.teardown_appcontext(_deliver_at_teardown)


def _deliver_after_response(response: Response) -> Response:
    # The WSGI server calls this when it has sent the whole body, so a slow or failing
    # mail server never delays or breaks the response.
    ids = _take_committed()
    if ids:
        response.call_on_close(partial(_deliver_quietly, current_app._get_current_object(), ids))
    return response


def _deliver_at_teardown(_error: BaseException | None) -> None:
    ids = _take_committed()
    if ids:
        _deliver_quietly(current_app._get_current_object(), ids)


def _take_committed() -> list[int]:
    """Committed message ids of this context's session (without creating a session)."""
    return take_committed(db.session()) if db.session.registry.has() else []


def _deliver_quietly(app: Flask, ids: list[int]) -> None:
    """Deliver in an app context (and database session) of its own; never raises."""
    with app.app_context():
        try:
            deliver(ids)
        except Exception:  # e.g. the database is unreachable: the outbox keeps the mail
            app.logger.exception("Delivering mail %s failed; send-pending will retry", ids)
