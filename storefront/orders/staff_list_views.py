"""Staff's list of every order, filtered and searched (/staff/orders), and the same list as
a CSV download (/staff/orders.csv)."""

from itertools import chain

from flask import render_template, request, stream_with_context
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response

from storefront.accounts.access import role_required
from storefront.accounts.models import Role
from storefront.clock import today_in_vietnam
from storefront.orders.export import csv_chunks, order_rows
from storefront.orders.models import OrderStatus, PaymentMethod
from storefront.orders.search import (
    ParsedOrderFilters,
    list_orders,
    order_batches,
    parse_order_filters,
    producer_choices,
)
from storefront.orders.views import bp
from storefront.producers.places import province_choices

PER_PAGE = 50

# Staff's words, which unlike the buyer's do not depend on how the order is paid.
STATUS_WORDS = {
    OrderStatus.AWAITING_PAYMENT: _l("Awaiting payment"),
    OrderStatus.CONFIRMED: _l("Confirmed: pay on delivery"),
    OrderStatus.PAID: _l("Paid"),
    OrderStatus.PROCESSING: _l("Being prepared"),
    OrderStatus.SHIPPED: _l("Shipped"),
    OrderStatus.DELIVERED: _l("Delivered"),
    OrderStatus.COMPLETED: _l("Completed"),
    OrderStatus.REFUNDED: _l("Refunded"),
    OrderStatus.CANCELLED: _l("Cancelled"),
}
PAYMENT_WORDS = {
    PaymentMethod.COD: _l("Cash on delivery"),
    PaymentMethod.BANK_TRANSFER: _l("Bank transfer"),
    PaymentMethod.CARD: _l("Card"),
    PaymentMethod.INVOICE: _l("Invoice (bank transfer on terms)"),
}


@bp.get("/staff/orders")
@role_required(Role.STAFF)
def staff_orders() -> str:
    return _list_page(parse_order_filters(request.args))


@bp.get("/staff/orders.csv")
@role_required(Role.STAFF)
def staff_orders_csv() -> Response | tuple[str, int]:
    """The filtered list, one row per order, written as it is read; a filter that cannot be
    understood shows the list page with what was wrong instead (400)."""
    parsed = parse_order_filters(request.args)
    if parsed.problems:
        return _list_page(parsed), 400
    statuses = {status: str(word) for status, word in STATUS_WORDS.items()}
    payments = {method: str(word) for method, word in PAYMENT_WORDS.items()}
    header = [
        _("Order number"),
        _("Placed at (Vietnam time)"),
        _("Status"),
        _("Payment method"),
        _("Buyer"),
        _("E-mail address"),
        _("Phone"),
        _("Recipient"),
        _("Recipient's phone"),
        _("Province or city"),
        _("Ward or commune"),
        _("Items"),
        _("Subtotal (₫)"),
        _("Shipping (₫)"),
        _("Total (₫)"),
        _("Producers"),
    ]
    orders = chain.from_iterable(order_batches(parsed.filters))
    rows = order_rows(orders, statuses=statuses, payments=payments)
    name = f"orders-{today_in_vietnam():%Y-%m-%d}.csv"
    return Response(
        stream_with_context(csv_chunks(header, rows)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _list_page(parsed: ParsedOrderFilters) -> str:
    return render_template(
        "orders/staff_orders.html",
        page=list_orders(parsed.filters, page=parsed.page, per_page=PER_PAGE),
        filters=parsed.filters,
        problems=parsed.problems,
        producers=producer_choices(),
        provinces=province_choices(),
        statuses=STATUS_WORDS,
        payments=PAYMENT_WORDS,
    )
