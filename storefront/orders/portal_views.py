"""The producer's order pages, on the "orders" blueprint: its parts of orders (one
fulfilment per order), each part's pick list with the moves it may make (packed, shipped,
delivered), its packing slip, a CSV export and the month's sales. Another producer's part
is a 404."""

from collections.abc import Callable, Iterator

from flask import (
    abort,
    flash,
    get_template_attribute,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from storefront.accounts.access import current_producer, producer_member_required, signed_in_user
from storefront.clock import today_in_vietnam, utcnow
from storefront.orders import fulfilment
from storefront.orders.export import csv_chunks, in_vietnam
from storefront.orders.models import Fulfilment, PaymentMethod
from storefront.orders.portal import (
    ExportLine,
    Tab,
    export_lines,
    find_own_part,
    month_sales,
    own_parts,
    parse_month,
    standing,
)
from storefront.orders.portal_forms import (
    CARRIERS,
    CashDeliverForm,
    DeliverForm,
    PackForm,
    ShipForm,
)
from storefront.orders.views import bp
from storefront.query_args import QueryArgs

PER_PAGE = 30


def _own_part_or_404(fulfilment_id: int) -> Fulfilment:
    part = find_own_part(current_producer(), fulfilment_id)
    if part is None:
        abort(404)
    return part


def _tab() -> Tab:
    return QueryArgs(request.args).choice("status", Tab) or Tab.ALL


@bp.get("/producer/orders")
@producer_member_required
def portal_orders() -> str:
    tab = _tab()
    page = QueryArgs(request.args).number("page", 1, 10_000) or 1
    found = own_parts(current_producer(), tab=tab, page=page, per_page=PER_PAGE)
    return render_template("orders/portal/orders.html", found=found, tab=tab)


def _deliver_form_class(part: Fulfilment) -> type[DeliverForm]:
    return CashDeliverForm if part.order.payment_method is PaymentMethod.COD else DeliverForm


def _part_page(
    part: Fulfilment, *, ship_form: ShipForm | None = None, deliver_form: DeliverForm | None = None
) -> str:
    if deliver_form is None:
        deliver_form = _deliver_form_class(part)(formdata=None)
        if isinstance(deliver_form, CashDeliverForm):
            deliver_form.cash_collected_vnd.data = part.collect_vnd
    return render_template(
        "orders/portal/fulfilment.html",
        part=part,
        order=part.order,
        standing=standing(part),
        pack_form=PackForm(formdata=None),
        ship_form=ship_form or ShipForm(formdata=None),
        deliver_form=deliver_form,
        carriers=CARRIERS,
    )


@bp.get("/producer/orders/<int:fulfilment_id>")
@producer_member_required
def portal_fulfilment(fulfilment_id: int) -> str:
    return _part_page(_own_part_or_404(fulfilment_id))


def _move(part: Fulfilment, move: Callable[[], None], *, done: str) -> Response:
    """Make the move; say that it is made, or why not; back to the part's page."""
    try:
        move()
    except fulfilment.FulfilmentError as error:
        flash(error.message(), "error")
    else:
        flash(done, "success")
    return redirect(url_for("orders.portal_fulfilment", fulfilment_id=part.id))


@bp.post("/producer/orders/<int:fulfilment_id>/pack")
@producer_member_required
def portal_pack(fulfilment_id: int) -> Response:
    part = _own_part_or_404(fulfilment_id)  # CSRFProtect has checked the form's token
    return _move(
        part,
        lambda: fulfilment.pack(part, actor=signed_in_user(), now=utcnow()),
        done=_("Order %(number)s is marked packed.", number=part.order.number),
    )


@bp.post("/producer/orders/<int:fulfilment_id>/ship")
@producer_member_required
def portal_ship(fulfilment_id: int) -> Response | str:
    part = _own_part_or_404(fulfilment_id)
    form = ShipForm()
    if not form.validate_on_submit():
        return _part_page(part, ship_form=form)
    return _move(
        part,
        lambda: fulfilment.ship(
            part,
            actor=signed_in_user(),
            carrier=form.carrier.data,
            tracking_number=form.tracking_number.data,
            now=utcnow(),
        ),
        done=_("Order %(number)s is marked shipped.", number=part.order.number),
    )


@bp.post("/producer/orders/<int:fulfilment_id>/deliver")
@producer_member_required
def portal_deliver(fulfilment_id: int) -> Response | str:
    part = _own_part_or_404(fulfilment_id)
    form = _deliver_form_class(part)()
    if not form.validate_on_submit():
        return _part_page(part, deliver_form=form)
    cash = form.cash_collected_vnd.data if isinstance(form, CashDeliverForm) else None
    return _move(
        part,
        lambda: fulfilment.deliver(
            part, actor=signed_in_user(), cash_collected_vnd=cash, now=utcnow()
        ),
        done=_("Order %(number)s is marked delivered.", number=part.order.number),
    )


@bp.get("/producer/orders/<int:fulfilment_id>/packing-slip")
@producer_member_required
def portal_packing_slip(fulfilment_id: int) -> str:
    part = _own_part_or_404(fulfilment_id)
    return render_template(
        "orders/packing_slip.html",
        order=part.order,
        parts=[part],
        back=url_for("orders.portal_fulfilment", fulfilment_id=part.id),
    )


def _csv_rows(lines: Iterator[ExportLine]) -> Iterator[list[object]]:
    part_word = get_template_attribute("orders/status_words.html", "part_word")
    for line in lines:
        yield [
            line.number,
            in_vietnam(line.placed_at),
            str(part_word(line.status.value)).strip(),
            line.name,
            line.quantity,
            line.unit_price_vnd,
            line.total_vnd,
            line.recipient_name,
            line.province,
            line.carrier or "",
            line.tracking_number or "",
            in_vietnam(line.shipped_at) if line.shipped_at else "",
            in_vietnam(line.delivered_at) if line.delivered_at else "",
        ]


@bp.get("/producer/orders.csv")
@producer_member_required
def portal_orders_csv() -> Response:
    tab = _tab()
    header = [
        _("Order"),
        _("Placed (Vietnam time)"),
        _("Status"),
        _("Item"),
        _("Quantity"),
        _("Unit price (₫)"),
        _("Line total (₫)"),
        _("Recipient"),
        _("Province"),
        _("Carrier"),
        _("Tracking number"),
        _("Shipped (Vietnam time)"),
        _("Delivered (Vietnam time)"),
    ]
    rows = _csv_rows(export_lines(current_producer(), tab=tab))
    filename = f"orders-{tab.value}-{today_in_vietnam().isoformat()}.csv"
    return Response(
        stream_with_context(csv_chunks(header, rows)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.get("/producer/orders/summary")
@producer_member_required
def portal_summary() -> str:
    raw = request.args.get("month", "")
    month = parse_month(raw) if raw else None
    problem = _("That is not a month: give it as YYYY-MM.") if raw and month is None else None
    this_month = today_in_vietnam().replace(day=1)
    sales = month_sales(current_producer(), month=month or this_month)
    return render_template(
        "orders/portal/summary.html",
        sales=sales,
        this_month=this_month,
        raw_month=raw if problem else sales.month.strftime("%Y-%m"),
        problem=problem,
    )
