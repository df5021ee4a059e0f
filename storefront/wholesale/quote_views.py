"""A shop's quotes (/wholesale/quotes): asking for one, reading the answers, declining,
withdrawing, and accepting one as an order. Any member of an approved shop sees all of
its shop's quotes; to anyone else a shop's quote does not exist. The producers' and
staff's answering pages are in quote_answer_views."""

from collections.abc import Callable

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from storefront.accounts.access import role_required, signed_in_user
from storefront.accounts.models import Role, User
from storefront.cart.pricing import price_cart
from storefront.checkout.errors import CheckoutError, CheckoutErrorCode
from storefront.checkout.forms import CheckoutForm
from storefront.checkout.placing import CheckoutRules
from storefront.checkout.shipping import ShippingError, quote_shipping
from storefront.clock import today_in_vietnam, utcnow
from storefront.extensions import db
from storefront.orders.models import Order, PaymentMethod
from storefront.payments.stripe_gateway import configured as stripe_configured
from storefront.payments.views import pay_by_card
from storefront.wholesale import quote_accept, quotes
from storefront.wholesale.credit import owed_vnd
from storefront.wholesale.invoicing import checkout_answers_of
from storefront.wholesale.models import Quote, QuoteStatus, Shop, ShopStatus
from storefront.wholesale.quote_errors import QuoteError
from storefront.wholesale.quote_forms import QuoteRequestForm
from storefront.wholesale.quote_lookup import shop_quote, shop_quotes
from storefront.wholesale.skus import sku_of
from storefront.wholesale.views import bp

# Checkout errors that belong to one field of the accept form; the rest, to the form.
_FIELDS = {
    CheckoutErrorCode.NO_INVOICE_TERMS: "payment",
    CheckoutErrorCode.CREDIT_LIMIT: "payment",
    CheckoutErrorCode.DELIVERY_DATE_TOO_EARLY: "deliver_on",
    CheckoutErrorCode.UNKNOWN_WARD: "ward",
}
# What placing says when stock or an item changed: the quote says it in its own words.
_ITEM_PROBLEMS = {
    CheckoutErrorCode.CART_CHANGED,
    CheckoutErrorCode.OUT_OF_STOCK,
    CheckoutErrorCode.SOLD_OUT,
}


def _member() -> tuple[User, Shop]:
    """The signed-in member and their approved shop; 403 for anyone else."""
    user = signed_in_user()
    shop = db.session.get(Shop, user.shop_id) if user.shop_id else None
    if shop is None or shop.status is not ShopStatus.APPROVED:
        abort(403)
    return user, shop


def _quote_of(shop: Shop, number: str) -> Quote:
    """The shop's quote with this number; 404 when there is none or it is another shop's."""
    quote = shop_quote(shop, number)
    if quote is None:
        abort(404)
    return quote


@bp.get("/wholesale/quotes")
@role_required(Role.SHOP)
def quotes_list() -> str:
    _user, shop = _member()
    page = shop_quotes(shop.id, page=request.args.get("page", 1, type=int))
    today = today_in_vietnam()
    return render_template(
        "wholesale/quotes/list.html",
        shop=shop,
        page=page,
        totals={
            quote.id: quotes.quoted_total(quote.lines)
            for quote in page.items
            if quote.status in (QuoteStatus.ANSWERED, QuoteStatus.ACCEPTED)
        },
        expired_ids={quote.id for quote in page.items if quotes.expired(quote, today)},
    )


@bp.route("/wholesale/quotes/new", methods=["GET", "POST"])
@role_required(Role.SHOP)
def quote_new() -> Response | str | tuple[str, int]:
    user, shop = _member()
    today = today_in_vietnam()
    form = QuoteRequestForm(today=today)
    if request.method == "GET" and request.args.get("sku"):
        form.rows[0].form.sku.data = request.args["sku"][:20]
    if form.more.data:  # only more rows: nothing to check yet
        form.add_rows()
        return render_template("wholesale/quotes/new.html", form=form, shop=shop)
    if form.is_submitted():
        if form.validate():
            items, rows = form.items()
            try:
                quote = quotes.request_quote(
                    shop,
                    user=user,
                    items=items,
                    wishes=form.wishes.data or "",
                    needed_by=form.needed_by.data,
                    today=today,
                    now=utcnow(),
                )
            except QuoteError as error:
                if error.row is not None:
                    form.rows[rows[error.row]].form.sku.errors.append(error.message())
                else:
                    form.form_errors.append(error.message())
            else:
                flash(
                    _(
                        "Your request %(number)s is sent: the producers will answer with "
                        "their prices, and we e-mail you then.",
                        number=quote.number,
                    ),
                    "success",
                )
                return redirect(url_for("wholesale.quote_page", number=quote.number))
        return render_template("wholesale/quotes/new.html", form=form, shop=shop), 400
    return render_template("wholesale/quotes/new.html", form=form, shop=shop)


@bp.get("/wholesale/quotes/<number>")
@role_required(Role.SHOP)
def quote_page(number: str) -> str:
    _user, shop = _member()
    quote = _quote_of(shop, number)
    today = today_in_vietnam()
    return render_template(
        "wholesale/quotes/detail.html",
        quote=quote,
        shop=shop,
        expired=quotes.expired(quote, today),
        may_decide=quote.status is QuoteStatus.ANSWERED and not quotes.expired(quote, today),
        order=db.session.get(Order, quote.order_id) if quote.order_id else None,
        lines=quote.lines,
        line_totals=quotes.line_totals(quote.lines),
        list_total=quotes.list_total(quote.lines),
        quoted_total=quotes.quoted_total(quote.lines),
        sku_of=sku_of,
    )


def _decision(number: str, decide: Callable[..., None], done: str) -> Response:
    user, shop = _member()
    quote = _quote_of(shop, number)
    try:
        decide(quote, user=user, now=utcnow())
    except QuoteError as error:
        flash(error.message(), "error")
    else:
        flash(done % {"number": number}, "success")
    return redirect(url_for("wholesale.quote_page", number=number))


@bp.post("/wholesale/quotes/<number>/decline")
@role_required(Role.SHOP)
def quote_decline(number: str) -> Response:
    return _decision(
        number, quotes.decline_quote, _("You declined the quote %(number)s; nothing is ordered.")
    )


@bp.post("/wholesale/quotes/<number>/withdraw")
@role_required(Role.SHOP)
def quote_withdraw(number: str) -> Response:
    return _decision(
        number,
        quotes.withdraw_quote,
        _("You withdrew the request %(number)s; the producers no longer price it."),
    )


# --- Accepting: a checkout for the quote's lines at its prices ---


def _card() -> bool:
    return stripe_configured(current_app.config)


def _initial(user: User, shop: Shop) -> dict[str, str]:
    """The accept form's first answers, as the cart's checkout gives a shop member."""
    return checkout_answers_of(shop, user, province=request.args.get("province"))


def _accept_page(quote: Quote, shop: Shop, form: CheckoutForm) -> str:
    """The accept form beside the order it makes: the lines at the quoted prices, and
    shipping to the province chosen (the shop's at first)."""
    today = today_in_vietnam()
    rules = CheckoutRules.from_config(current_app.config)
    cart = price_cart(
        quote_accept.order_lines(quote), today=today, prices=quote_accept.quoted_prices(quote)
    )
    try:
        shipping = quote_shipping(
            form.province_code or shop.province_code,
            weight_grams=cart.weight_grams,
            subtotal_vnd=cart.subtotal_vnd,
            free_above_vnd=rules.free_shipping_above_vnd,
            today=today,
        )
    except ShippingError:
        shipping = None  # the form says why when it is sent
    return render_template(
        "wholesale/quotes/accept.html",
        quote=quote,
        shop=shop,
        form=form,
        cart=cart,
        shipping=shipping,
        total_vnd=cart.subtotal_vnd + shipping.fee_vnd if shipping else None,
        rules=rules,
        owed_vnd=owed_vnd(shop.id),
    )


@bp.route("/wholesale/quotes/<number>/accept", methods=["GET", "POST"])
@role_required(Role.SHOP)
def quote_accept_page(number: str) -> Response | str | tuple[str, int]:
    user, shop = _member()
    quote = _quote_of(shop, number)
    now = utcnow()
    try:
        quote_accept.check_acceptable(quote, user=user, now=now)
    except QuoteError as error:
        flash(error.message(), "error")
        return redirect(url_for("wholesale.quote_page", number=number))
    form = CheckoutForm(
        today=today_in_vietnam(now),
        card=_card(),
        shop=shop,
        data=_initial(user, shop) if request.method == "GET" else None,
    )
    if form.choose_province.data:
        form.ward.render_kw = {"autofocus": True}
        return _accept_page(quote, shop, form)
    if not form.is_submitted():
        return _accept_page(quote, shop, form)
    if form.validate():
        try:
            order = quote_accept.accept_quote(
                quote,
                form.checkout(),
                user=user,
                locale=str(get_locale()),
                rules=CheckoutRules.from_config(current_app.config),
                now=now,
            )
        except QuoteError as error:
            flash(error.message(), "error")
            return redirect(url_for("wholesale.quote_page", number=number))
        except CheckoutError as error:
            _show_error(form, error, _quote_of(shop, number), user)
        except ShippingError as error:
            form.province.errors.append(error.message())
        else:
            if order.payment_method is PaymentMethod.CARD:
                return pay_by_card(order)
            flash(
                _(
                    "Thank you! The quote %(quote)s is now your order %(number)s; we have "
                    "e-mailed you a confirmation.",
                    quote=number,
                    number=order.number,
                ),
                "success",
            )
            return redirect(url_for("orders.detail", number=order.number, key=order.access_key))
    quote = _quote_of(shop, number)  # reloaded: a refusal rolled the session back
    return _accept_page(quote, shop, form), 400


def _show_error(form: CheckoutForm, error: CheckoutError, quote: Quote, user: User) -> None:
    """Say why placing refused, beside the field it is about."""
    if error.code in _ITEM_PROBLEMS:
        try:  # the quote's own words for what changed, when it can tell
            quote_accept.check_acceptable(quote, user=user, now=utcnow())
        except QuoteError as reason:
            form.form_errors.append(reason.message())
            return
    field = _FIELDS.get(error.code)
    (form[field].errors if field else form.form_errors).append(error.message())


# The producers' and staff's pages join the blueprint with this module.
from storefront.wholesale import quote_answer_views  # noqa: E402, F401
