"""Friendly error pages in the visitor's language, and JSON errors under /api/."""

from flask import Flask, Response, current_app, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError

from storefront.extensions import db


def api_error(status: int, code: str, message: str, **details: object) -> tuple[Response, int]:
    body: dict = {"code": code, "message": message}
    if details:
        body["details"] = details
    return jsonify(error=body), status


def _messages() -> dict[int, str]:
    return {
        400: _("The request could not be understood."),
        403: _("You do not have permission to see this page."),
        404: _("We could not find that page."),
        405: _("That action is not allowed here."),
        413: _("That file is too large to upload."),
        429: _("Too many requests: please wait a moment and try again."),
        500: _("Something went wrong on our side. Please try again in a moment."),
    }


def _handle(error: HTTPException) -> tuple[Response | str, int]:
    status = error.code or 500
    if status >= 500:
        db.session.rollback()
    message = _messages().get(status, error.description or "")
    if request.path.startswith("/api/"):
        code = (error.name or "error").lower().replace(" ", "_")
        return api_error(status, code, message)
    return render_template("errors/error.html", status=status, message=message), status


def _handle_unexpected(error: Exception) -> tuple[Response | str, int]:
    current_app.logger.exception("Unhandled error on %s", request.path)
    return _handle(InternalServerError(original_exception=error))


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, _handle)
    app.register_error_handler(Exception, _handle_unexpected)
