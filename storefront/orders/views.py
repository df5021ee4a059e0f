"""Order pages: an order's own page (buyer, key holder or staff), the guest's lookup by
number and e-mail, the buyer's list in the account, the story card with the gift message,
and staff's list of bank transfers to confirm."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from storefront.accounts.access import role_required, signed_in_user
from storefront.accounts.models import Role
from storefront.cart.current import current_cart
from storefront.clock import today_in_vietnam, utcnow
from storefront.extensions import db, limiter
from storefront.money import format_vnd
from storefront.orders.buy_again import buy_again
from storefront.orders.documents import Seller
from storefront.orders.forms import LookupForm
from storefront.orders.history import history
from storefront.orders.lookup import (
    find_order,
    order_by_number_and_email,
    orders_of,
    visible_order,
)
from storefront.orders.models import Order, PaymentMethod
from storefront.orders.notifications import CancelCause
from storefront.orders.service import cancel_order, mark_transfer_received
from storefront.orders.status import BUYER_MAY_CANCEL, InvalidTransition
from storefront.orders.story_cards import order_card
from storefront.orders.transfers import awaiting_transfers
from storefront.payments.bank_transfer import BankAccount, transfer_for
from storefront.payments.card_records import checkout_of, payments_of
from storefront.payments.forms import RefundForm
from storefront.wholesale.price_list import current_price_list

bp = Blueprint("orders", __name__)

LOOKUPS_PER_IP = "10 per minute; 50 per hour"


def _viewer():
    return signed_in_user() if current_user.is_authenticated else None


def _visible_order(number: str) -> Order:
    """The order, when the visitor may see it; else 404 (never saying it exists)."""
    order = visible_order(number, user=_viewer(), key=request.args.get("key"))
    if order is None:
        abort(404)
    return order


@bp.get("/orders/<number>")
def detail(number: str) -> str:
    order = _visible_order(number)
    transfer = checkout = refund_form = None
    payments = []
    if order.payment_method in (PaymentMethod.BANK_TRANSFER, PaymentMethod.INVOICE):
        transfer = transfer_for(order, BankAccount.from_config(current_app.config))
    viewer = _viewer()
    staff_view = viewer is not None and viewer.role is Role.STAFF
    if order.payment_method is PaymentMethod.CARD:
        checkout, payments = checkout_of(order), payments_of(order)
        refund_form = RefundForm() if staff_view else None
    return render_template(
        "orders/detail.html",
        order=order,
        entries=history(order),
        transfer=transfer,
        checkout=checkout,
        payments=payments,
        refund_form=refund_form,
        may_cancel=order.status in BUYER_MAY_CANCEL and not staff_view,
        staff_view=staff_view,
        key=request.args.get("key"),
    )


@bp.post("/orders/<number>/cancel")
def cancel(number: str) -> Response:
    """The buyer (or a holder of its key) cancels the order until the producers start
    preparing it; its stock returns and a card payment is refunded. Staff cancel from the
    back-office page, where they give the buyer a reason."""
    order = _visible_order(number)
    page = redirect(url_for(".detail", number=order.number, key=request.args.get("key")))
    viewer = _viewer()
    if viewer is not None and viewer.role is Role.STAFF:
        flash(_("Staff cancel an order from its back-office page, giving a reason."), "error")
        return redirect(url_for(".staff_order", number=order.number))
    if order.status not in BUYER_MAY_CANCEL:
        flash(_("This order can no longer be cancelled: the producers are preparing it."), "error")
        return page
    try:
        settled = cancel_order(
            order,
            actor=viewer,
            reason="cancelled by the buyer",
            cause=CancelCause.BUYER,
            now=utcnow(),
        )
    except InvalidTransition as error:
        flash(error.message(), "error")
        return page
    if not settled:
        flash(_("Order cancelled. Your refund is on its way; we e-mail you when it is made."))
    else:
        flash(_("Order %(number)s is cancelled.", number=order.number), "success")
    return page


@bp.post("/orders/<number>/buy-again")
def buy_again_view(number: str) -> Response:
    """The order's lines into the cart at today's prices; the cart page says what changed."""
    order = _visible_order(number)
    report = buy_again(order, current_cart(), today=today_in_vietnam(), prices=current_price_list())
    db.session.commit()
    if report.added:
        flash(
            ngettext(
                "%(num)d line of order %(number)s is in your cart, at today's price.",
                "%(num)d lines of order %(number)s are in your cart, at today's prices.",
                report.added,
                number=order.number,
            ),
            "success",
        )
    for name, then, now in report.repriced:
        flash(
            _(
                "%(item)s now costs %(now)s (it was %(then)s).",
                item=name,
                now=format_vnd(now),
                then=format_vnd(then),
            )
        )
    for name, why in report.missing:
        flash(_("%(item)s was not added: %(why)s", item=name, why=why), "error")
    return redirect(url_for("cart.show"))


@bp.get("/orders/<number>/invoice")
def invoice(number: str) -> str | Response:
    """The order's sales invoice, printable, for whoever may see the order; `?proforma=1`
    the proforma a shop pays from; `?download=1` either as a file that shows and prints
    without the store."""
    order = _visible_order(number)
    proforma = request.args.get("proforma") == "1"
    transfer = None
    if order.payment_method in (PaymentMethod.BANK_TRANSFER, PaymentMethod.INVOICE):
        transfer = transfer_for(order, BankAccount.from_config(current_app.config))
    context = {
        "order": order,
        "seller": Seller.from_config(current_app.config),
        "key": request.args.get("key"),
        "proforma": proforma,
        "transfer": transfer,
    }
    if request.args.get("download") != "1":
        return render_template("orders/invoice.html", **context)
    name = f"{order.number}-{'proforma' if proforma else 'invoice'}.html"
    return Response(
        render_template("orders/invoice_file.html", **context),
        mimetype="text/html",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/orders/<number>/story-card/<int:position>")
def story_card(number: str, position: int) -> str:
    order = _visible_order(number)
    found = order_card(order, position)
    if found is None:
        abort(404)
    combo, sides = found
    from storefront.combos.views import card_labels

    return render_template(
        "combos/story_card.html",
        combo=combo,
        sides=[(side, card_labels(side, owner=combo.owner.name)) for side in sides],
        gift_message=order.gift_message,
    )


@bp.route("/orders/lookup", methods=["GET", "POST"])
@limiter.limit(LOOKUPS_PER_IP, methods=["POST"])
def lookup() -> Response | str:
    form = LookupForm()
    if form.validate_on_submit():
        order = order_by_number_and_email(form.number.data, form.email.data)
        if order is not None:
            return redirect(url_for(".detail", number=order.number, key=order.access_key))
        form.number.errors.append(
            _("No order matches this number and e-mail address. Check both and try again.")
        )
    return render_template("orders/lookup.html", form=form)


@bp.get("/account/orders")
@login_required
def account_orders() -> str:
    page = orders_of(signed_in_user(), page=request.args.get("page", 1, type=int), per_page=20)
    return render_template("orders/account_orders.html", page=page)


@bp.get("/staff/orders/transfers")
@role_required(Role.STAFF)
def staff_transfers() -> str:
    return render_template("orders/staff_transfers.html", orders=awaiting_transfers())


@bp.post("/staff/orders/<number>/transfer-received")
@role_required(Role.STAFF)
def staff_transfer_received(number: str) -> Response:
    order = find_order(number)
    if order is None:
        abort(404)
    try:
        mark_transfer_received(order, actor=signed_in_user(), now=utcnow())
    except InvalidTransition as error:
        flash(error.message(), "error")
    else:
        flash(_("Order %(number)s is paid.", number=order.number))
    if request.args.get("back") == "order":
        return redirect(url_for(".staff_order", number=order.number))
    return redirect(url_for(".staff_transfers"))


# The producer portal's and staff's pages of orders register on this same blueprint.
from storefront.orders import (  # noqa: E402, F401
    portal_views,
    staff_list_views,
    staff_views,
)
