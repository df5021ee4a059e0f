"""Sessions: a per-user token checked on every request, a fresh session at sign-in, an idle
timeout for staff and producers, and `next` addresses kept on this site."""

import hmac
import time
from urllib.parse import urlsplit

from flask import Flask, current_app, flash, request, session
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from storefront.accounts.models import Role, User
from storefront.extensions import db, login_manager

LAST_SEEN = "last_seen"
# What a guest's session carries into the signed-in one: the cart, which cart.current then
# merges into the account's cart.
CARRIED_OVER = ("cart",)
IDLE_ROLES = frozenset({Role.STAFF, Role.PRODUCER})


def load_user(user_id: str) -> User | None:
    """The user a session names, only while it carries their current session token."""
    ident, _sep, token = user_id.partition(":")
    user = db.session.get(User, int(ident)) if ident.isdigit() and token else None
    if user is None or not user.active:
        return None
    return user if hmac.compare_digest(user.session_token, token) else None


def start_session(user: User) -> None:
    """Sign in on a fresh session: nothing from before sign-in carries over but the cart."""
    carried = {key: session[key] for key in CARRIED_OVER if key in session}
    session.clear()
    session.update(carried)
    login_user(user)  # sends user_logged_in: cart.current merges the guest's cart
    session[LAST_SEEN] = int(time.time())


def end_session() -> None:
    logout_user()
    session.clear()


def _expire_idle_session() -> None:
    """Staff and producer sessions end after IDLE_TIMEOUT_MINUTES without a request."""
    if request.endpoint == "static":
        return
    if not current_user.is_authenticated or current_user.role not in IDLE_ROLES:
        return
    now = int(time.time())
    last_seen = session.get(LAST_SEEN)
    limit = current_app.config["IDLE_TIMEOUT_MINUTES"] * 60
    if not isinstance(last_seen, int) or now - last_seen > limit:
        end_session()
        flash(_("You were signed out after a while without activity. Please sign in again."))
        return
    session[LAST_SEEN] = now


def safe_next(target: str | None) -> str | None:
    """`target` when it is a path on this site, else None (no `//host`, `/\\host`, scheme)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if "\\" in target or any(ord(char) < 0x20 or ord(char) == 0x7F for char in target):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


def init_sessions(app: Flask) -> None:
    login_manager.user_loader(load_user)
    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.localize_callback = str
    app.before_request(_expire_idle_session)
