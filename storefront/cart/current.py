"""The cart of whoever is making the request: the session's for a guest, the account's for
a signed-in user; and the guest's cart joining the account's at sign-in."""

from flask import Flask, session
from flask_login import current_user, user_logged_in

from storefront.accounts.models import User
from storefront.cart.service import merge_carts
from storefront.cart.storage import AccountCart, CartStore, SessionCart
from storefront.extensions import db


def current_cart() -> CartStore:
    if current_user.is_authenticated:
        return AccountCart(current_user.id)
    return SessionCart(session)


def _merge_guest_cart(_app: Flask, user: User) -> None:
    """Signed in: the lines the guest put in the session's cart move to the account's cart
    (accounts.sessions carries the session's cart across sign-in for this)."""
    guest = SessionCart(session)
    lines = guest.lines()
    if not lines:
        return
    merge_carts(lines, AccountCart(user.id))
    guest.clear()
    db.session.commit()


def init_cart(app: Flask) -> None:
    user_logged_in.connect(_merge_guest_cart, app)
