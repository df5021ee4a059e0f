"""The cart: add from a product or combo page (live with htmx, or a plain form post), see it
priced from the database with each line's problem in words, change or remove lines."""

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from werkzeug.wrappers import Response

from storefront.accounts.sessions import safe_next
from storefront.cart.current import current_cart
from storefront.cart.errors import CartError
from storefront.cart.forms import AddToCartForm, LineForm, RemoveLineForm
from storefront.cart.lines import ItemKind, LineKey
from storefront.cart.models import SavedCartLine
from storefront.cart.pricing import PricedLine, price_cart
from storefront.cart.problems import problem_text
from storefront.cart.service import add_to_cart, item_count, remove_line, set_quantity
from storefront.cart.storage import SessionCart
from storefront.clock import today_in_vietnam
from storefront.combos.listing import Picture, card_picture
from storefront.extensions import db
from storefront.wholesale.price_list import current_price_list
from storefront.wholesale.shop_prices import line_note

bp = Blueprint("cart", __name__)


@bp.app_context_processor
def header_count() -> dict[str, object]:
    """`cart_count()` for the header: the session for a guest, one query for a user."""

    def cart_count() -> int:
        if current_user.is_authenticated:
            total = select(func.coalesce(func.sum(SavedCartLine.quantity), 0))
            return db.session.scalar(total.where(SavedCartLine.user_id == current_user.id))
        return item_count(SessionCart(session).lines())

    return {"cart_count": cart_count}


def _wanted_key(form: AddToCartForm) -> LineKey | None:
    base = LineKey.decode(form.item.data or "")
    if base is None or base.packaging_id or base.wrap_id:
        return None
    packaging = form.packaging.data if base.kind is ItemKind.COMBO else None
    return LineKey(base.kind, base.item_id, packaging or None, form.wrap.data or None)


def _back() -> str:
    return safe_next(request.form.get("next")) or url_for(".show")


@bp.post("/cart/add")
def add() -> Response | str:
    form = AddToCartForm()
    key = _wanted_key(form) if form.validate_on_submit() else None
    prices = current_price_list()
    most = prices.limits.max_quantity
    message, ok = _("Choose a quantity from 1 to %(most)s.", most=most), False
    if key is not None:
        try:
            add_to_cart(
                current_cart(), key, form.quantity.data, today=today_in_vietnam(), prices=prices
            )
        except CartError as error:
            message = error.message()
        else:
            db.session.commit()
            message, ok = _("Added to your cart."), True
    if request.headers.get("HX-Request"):
        return render_template("cart/_added.html", message=message, ok=ok)
    flash(message, "success" if ok else "error")
    return redirect(_back())


@bp.get("/cart")
def show() -> str:
    prices = current_price_list()
    priced = price_cart(current_cart().lines(), today=today_in_vietnam(), prices=prices)
    problems = {line.key: problem_text(line) for line in priced.lines}
    pictures = {line.key: _picture(line) for line in priced.lines}
    return render_template(
        "cart/cart.html",
        cart=priced,
        problems=problems,
        pictures=pictures,
        notes={line.key: line_note(line) for line in priced.lines},
        max_quantity=prices.limits.max_quantity,
    )


def _picture(line: PricedLine) -> Picture | None:
    if line.combo is not None:
        return card_picture(line.combo)
    cover = line.product.cover if line.product else None
    return Picture(cover.path, cover.width, cover.height, line.product.name) if cover else None


@bp.post("/cart/update")
def update() -> Response:
    form = LineForm()
    key = LineKey.decode(form.key.data or "")
    limits = current_price_list().limits
    message = _("Choose a quantity from 0 to %(most)s.", most=limits.max_quantity)
    if not form.validate_on_submit() or key is None:
        flash(message, "error")
        return redirect(url_for(".show"))
    try:
        set_quantity(current_cart(), key, form.quantity.data, limits=limits)
    except CartError:
        flash(message, "error")
        return redirect(url_for(".show"))
    db.session.commit()
    return redirect(url_for(".show"))


@bp.post("/cart/remove")
def remove() -> Response:
    form = RemoveLineForm()
    key = LineKey.decode(form.key.data or "")
    if form.validate_on_submit() and key is not None:
        remove_line(current_cart(), key)
        db.session.commit()
        flash(_("Removed from your cart."))
    return redirect(url_for(".show"))
