"""Staff's page of one order: its lines, payments, fulfilments and whole history, the moves
allowed now (each with a reason), internal notes, and the whole order's packing slip.
Registered on the "orders" blueprint."""

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from storefront.accounts.access import role_required, signed_in_user
from storefront.accounts.models import Role
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.orders.forms import MoveForm, NoteForm
from storefront.orders.history import history
from storefront.orders.lookup import find_order
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from storefront.orders.staff_moves import add_note, move_by_staff, moves_for_staff, notes_of
from storefront.orders.status import InvalidTransition
from storefront.orders.views import bp
from storefront.payments.bank_transfer import BankAccount, transfer_for
from storefront.payments.card_records import checkout_of, payments_of
from storefront.payments.forms import RefundForm


def _order_or_404(number: str) -> Order:
    order = find_order(number)
    if order is None:
        abort(404)
    return order


def _move_form(order: Order) -> MoveForm:
    form = MoveForm()
    form.to.choices = [(to.value, to.value) for to in moves_for_staff(order)]
    return form


def _page(order: Order, *, move_form: MoveForm | None = None, note_form: NoteForm | None = None):
    card = order.payment_method is PaymentMethod.CARD
    transfer = None
    if order.payment_method in (PaymentMethod.BANK_TRANSFER, PaymentMethod.INVOICE):
        transfer = transfer_for(order, BankAccount.from_config(current_app.config))
    return render_template(
        "orders/staff_order.html",
        workspace="staff",
        order=order,
        entries=history(order),
        notes=notes_of(order),
        transfer=transfer,
        checkout=checkout_of(order) if card else None,
        payments=payments_of(order) if card else [],
        refund_form=RefundForm() if card else None,
        move_form=move_form or _move_form(order),
        note_form=note_form or NoteForm(formdata=None),
        staff_view=True,
        key=order.access_key,
    )


@bp.get("/staff/orders/<number>")
@role_required(Role.STAFF)
def staff_order(number: str) -> str:
    return _page(_order_or_404(number))


@bp.post("/staff/orders/<number>/move")
@role_required(Role.STAFF)
def staff_move(number: str) -> Response | tuple[str, int]:
    """Move the order by hand; a move not allowed now is refused with a message."""
    order = _order_or_404(number)
    form = _move_form(order)
    if not form.validate_on_submit():
        return _page(order, move_form=form), 400
    try:
        if form.to.data not in OrderStatus:
            raise InvalidTransition()
        settled = move_by_staff(
            order,
            OrderStatus(form.to.data),
            actor=signed_in_user(),
            reason=form.reason.data.strip(),
            now=utcnow(),
        )
    except InvalidTransition as error:
        db.session.rollback()
        flash(error.message(), "error")
    else:
        if not settled:
            flash(
                _(
                    "Order cancelled. Stripe could not be reached for the refund; "
                    "`flask payments reconcile` makes it."
                ),
                "error",
            )
        else:
            flash(_("Order %(number)s updated.", number=order.number), "success")
    return redirect(url_for(".staff_order", number=order.number))


@bp.post("/staff/orders/<number>/notes")
@role_required(Role.STAFF)
def staff_note(number: str) -> Response | tuple[str, int]:
    order = _order_or_404(number)
    form = NoteForm()
    if not form.validate_on_submit():
        return _page(order, note_form=form), 400
    add_note(order, author=signed_in_user(), body=form.body.data, now=utcnow())
    flash(_("Note added."), "success")
    return redirect(url_for(".staff_order", number=order.number, _anchor="notes"))


@bp.get("/staff/orders/<number>/packing-slip")
@role_required(Role.STAFF)
def staff_packing_slip(number: str) -> str:
    """Every parcel's slip of the order, one after the other, to print."""
    order = _order_or_404(number)
    parts = [part for part in order.fulfilments if part.status.value != "cancelled"]
    return render_template(
        "orders/packing_slip.html",
        order=order,
        parts=parts or order.fulfilments,
        back=url_for(".staff_order", number=order.number),
    )
