"""Checkout: the buyer's details, a review with shipping and the total, and "Place order".

Between the steps the session keeps what the buyer typed (never a price); every step
re-prices the cart from the database and re-checks the details.
"""

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from vietnam_provinces import Province, ProvinceCode, Ward, WardCode
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from storefront.accounts.access import signed_in_user
from storefront.accounts.contact import display_phone
from storefront.cart.current import current_cart
from storefront.cart.pricing import price_cart
from storefront.checkout.errors import CheckoutError, CheckoutErrorCode
from storefront.checkout.forms import CheckoutForm
from storefront.checkout.hints import cash_on_delivery_possible, free_shipping_gap
from storefront.checkout.placing import CheckoutRules, Review, place_order, review_order
from storefront.checkout.shipping import ShippingError
from storefront.clock import today_in_vietnam, utcnow
from storefront.coded_errors import CodedError
from storefront.orders.models import PaymentMethod
from storefront.payments.stripe_gateway import configured as stripe_configured
from storefront.payments.views import pay_by_card
from storefront.wholesale.credit import owed_vnd
from storefront.wholesale.invoicing import checkout_answers_of
from storefront.wholesale.models import Shop
from storefront.wholesale.price_list import current_price_list

bp = Blueprint("checkout", __name__)

DETAILS_KEY = "checkout"
# Problems the buyer solves in the cart; the others, in the checkout form.
_CART_PROBLEMS = {
    CheckoutErrorCode.EMPTY_CART,
    CheckoutErrorCode.CART_CHANGED,
    CheckoutErrorCode.OUT_OF_STOCK,
    CheckoutErrorCode.SOLD_OUT,
}
_FIELDS = {
    CheckoutErrorCode.COD_LIMIT: "payment",
    CheckoutErrorCode.NO_INVOICE_TERMS: "payment",
    CheckoutErrorCode.CREDIT_LIMIT: "payment",
    CheckoutErrorCode.DELIVERY_DATE_TOO_EARLY: "deliver_on",
    CheckoutErrorCode.UNKNOWN_WARD: "ward",
}


def _rules() -> CheckoutRules:
    return CheckoutRules.from_config(current_app.config)


def _card() -> bool:
    return stripe_configured(current_app.config)


def _to_cart(message: str) -> Response:
    flash(message, "error")
    return redirect(url_for("cart.show"))


def _shop() -> Shop | None:
    """The approved shop the buyer orders for, if any."""
    return current_price_list().shop


def _form(**kwargs: object) -> CheckoutForm:
    return CheckoutForm(today=today_in_vietnam(), card=_card(), shop=_shop(), **kwargs)


def _initial() -> dict[str, str]:
    """The form's first answers: a shop member's from the shop (checkout_answers_of), a
    signed-in buyer's own; and `?province=` for the ward list."""
    province = request.args.get("province")
    shop = _shop()
    if shop is not None:
        return checkout_answers_of(shop, current_user, province=province)  # type: ignore[arg-type]
    initial: dict[str, str] = {}
    if current_user.is_authenticated:
        initial = {"name": current_user.name or "", "email": current_user.email}
        initial["phone"] = display_phone(current_user.phone)
    if province is not None:
        initial["province"] = province
    return initial


def _saved_form() -> CheckoutForm | None:
    """The details the buyer sent, checked again; None when there are none or they fail."""
    saved = session.get(DETAILS_KEY)
    if not isinstance(saved, dict):
        return None
    form = _form(formdata=MultiDict(saved), meta={"csrf": False})
    return form if form.validate() else None


def _show_error(form: CheckoutForm, error: CodedError) -> None:
    field = _FIELDS.get(error.code)
    (form[field].errors if field else form.form_errors).append(error.message())


@bp.route("/checkout", methods=["GET", "POST"])
def details() -> Response | str:
    today = today_in_vietnam()
    prices = current_price_list()
    cart = price_cart(current_cart().lines(), today=today, prices=prices)
    if not cart.ready:
        return _to_cart(
            _("Your cart is empty.")
            if not cart.lines
            else _("Solve the problems in your cart first.")
        )
    if request.method == "GET" and "province" not in request.args and session.get(DETAILS_KEY):
        form = _form(formdata=MultiDict(session[DETAILS_KEY]), meta={"csrf": False})
    else:
        form = _form(data=_initial() if request.method == "GET" else None)
    if form.choose_province.data:
        form.ward.render_kw = {"autofocus": True}
    elif form.validate_on_submit():
        try:
            review_order(
                current_cart().lines(), form.checkout(), rules=_rules(), today=today, prices=prices
            )
        except CheckoutError as error:
            if error.code in _CART_PROBLEMS:
                return _to_cart(error.message())
            _show_error(form, error)
        except ShippingError as error:
            form.province.errors.append(error.message())
        else:
            kept = request.form.to_dict()
            kept.pop("csrf_token", None)
            session[DETAILS_KEY] = kept
            return redirect(url_for(".review"))
    cod_possible = cash_on_delivery_possible(cart.subtotal_vnd, _rules())
    if not cod_possible and prices.shop is None:
        form.choose_bank_transfer()
    return render_template(
        "checkout/details.html",
        form=form,
        cart=cart,
        rules=_rules(),
        cod_possible=cod_possible,
        card_offered=_card(),
        shop=prices.shop,
        owed_vnd=owed_vnd(prices.shop.id) if prices.shop else 0,
    )


def _review(form: CheckoutForm) -> Review | Response:
    try:
        return review_order(
            current_cart().lines(),
            form.checkout(),
            rules=_rules(),
            today=today_in_vietnam(),
            prices=current_price_list(),
        )
    except CheckoutError as error:
        if error.code in _CART_PROBLEMS:
            return _to_cart(error.message())
        flash(error.message(), "error")
    except ShippingError as error:
        flash(error.message(), "error")
    return redirect(url_for(".details"))


@bp.get("/checkout/review")
def review() -> Response | str:
    form = _saved_form()
    if form is None:
        return redirect(url_for(".details"))
    reviewed = _review(form)
    if isinstance(reviewed, Response):
        return reviewed
    checkout = form.checkout()
    ward = Ward.from_code(WardCode(checkout.delivery.ward_code))
    province = Province.from_code(ProvinceCode(checkout.delivery.province_code))
    return render_template(
        "checkout/review.html",
        review=reviewed,
        details=checkout,
        ward_name=f"{ward.name}, {province.name}",
        rules=_rules(),
        shop=_shop(),
        free_gap=None
        if reviewed.shipping.free
        else free_shipping_gap(reviewed.cart.subtotal_vnd, _rules()),
    )


@bp.post("/checkout/place")
def place() -> Response:
    form = _saved_form()
    if form is None:
        flash(_("Please fill in your details again."), "error")
        return redirect(url_for(".details"))
    cart = current_cart()
    try:
        order = place_order(
            cart.lines(),
            form.checkout(),
            buyer=signed_in_user() if current_user.is_authenticated else None,
            cart=cart,
            locale=str(get_locale()),
            rules=_rules(),
            now=utcnow(),
            prices=current_price_list(),
        )
    except CheckoutError as error:
        if error.code in _CART_PROBLEMS:
            return _to_cart(error.message())
        flash(error.message(), "error")
        return redirect(url_for(".details"))
    except ShippingError as error:
        flash(error.message(), "error")
        return redirect(url_for(".details"))
    session.pop(DETAILS_KEY, None)
    if order.payment_method is PaymentMethod.CARD:
        return pay_by_card(order)
    flash(
        _(
            "Thank you! Your order %(number)s is placed; we have e-mailed you a confirmation.",
            number=order.number,
        ),
        "success",
    )
    return redirect(url_for("orders.detail", number=order.number, key=order.access_key))
