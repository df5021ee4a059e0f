"""Language: Vietnamese by default, English by a visible switch or `?lang=en`, kept in a cookie."""

from flask import Flask, Response, current_app, has_request_context, request, url_for
from flask_babel import get_locale

LANG_COOKIE = "lang"
LANG_COOKIE_SECONDS = 365 * 24 * 3600


def select_locale() -> str:
    """The visitor's language; the store's default outside a request (commands, jobs)."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    for candidate in (request.args.get("lang"), request.cookies.get(LANG_COOKIE)):
        if candidate in languages:
            return candidate
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def remember_language(response: Response) -> Response:
    """Store a language chosen with `?lang=` so the next pages keep it."""
    chosen = request.args.get("lang")
    if chosen in current_app.config["LANGUAGES"] and chosen != request.cookies.get(LANG_COOKIE):
        response.set_cookie(
            LANG_COOKIE, chosen, max_age=LANG_COOKIE_SECONDS, samesite="Lax", httponly=True
        )
    return response


def switch_language_url(lang: str) -> str:
    """This page's address in another language, keeping its query string."""
    args = {**request.args.to_dict(flat=False), "lang": lang}
    if request.endpoint is None:
        return url_for("catalog.home", lang=lang)
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def localized(record: object, field: str) -> str:
    """The English text of `field` when English is shown and it exists, else the Vietnamese."""
    if str(get_locale()) == "en":
        english = getattr(record, f"{field}_en", None)
        if english:
            return english
    return getattr(record, field)


def init_i18n(app: Flask) -> None:
    app.after_request(remember_language)
    app.jinja_env.globals.update(switch_language_url=switch_language_url, get_locale=get_locale)
    app.jinja_env.filters["localized"] = localized
