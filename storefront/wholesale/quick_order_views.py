"""Quick order for the members of an approved shop: a grid of the items it can buy with a
quantity for each, a CSV template of them, and a CSV upload; each answered with a report,
line by line, of what went into the cart and why anything did not.

GET/POST /wholesale/quick-order, GET /wholesale/quick-order/template.csv and
POST /wholesale/quick-order/upload: members of an approved shop only (others 403; anonymous
visitors are sent to sign in)."""

from flask import Response, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from storefront.accounts.access import role_required
from storefront.accounts.models import Role
from storefront.cart.current import current_cart
from storefront.clock import today_in_vietnam
from storefront.extensions import db
from storefront.i18n import localized
from storefront.orders.export import csv_chunks
from storefront.wholesale.csv_upload import MAX_LINES, FileErrorCode, FileRefused, read_upload
from storefront.wholesale.price_list import PriceList, current_price_list
from storefront.wholesale.quick_order import QuickOrderReport, add_rows
from storefront.wholesale.quick_order_forms import GridForm, UploadForm, grid_filters, grid_rows
from storefront.wholesale.quick_order_grid import grid_items, grid_page, grid_producers
from storefront.wholesale.views import bp

TEMPLATE_HEADER = ("sku", "quantity", "name", "min", "unit price")


def _shop_prices() -> PriceList:
    """The price list of an approved shop's member; 403 for anyone else."""
    prices = current_price_list()
    if not prices.wholesale:
        abort(403)
    return prices


def _page(
    prices: PriceList,
    *,
    grid_form: GridForm | None = None,
    upload_form: UploadForm | None = None,
    report: QuickOrderReport | None = None,
    source: str | None = None,
    status: int = 200,
) -> tuple[str, int]:
    """The quick-order page; `report` of what was just added from `source` (a file name;
    None for the grid). Forms not given are blank (never read from the request)."""
    filters = grid_filters(request.args)
    today = today_in_vietnam()
    page = render_template(
        "wholesale/quick_order.html",
        page=grid_page(filters, today=today, prices=prices),
        filters=filters,
        producers=grid_producers(today),
        grid_form=grid_form or GridForm(formdata=None),
        upload_form=upload_form or UploadForm(formdata=None),
        report=report,
        source=source,
        max_lines=MAX_LINES,
    )
    return page, status


@bp.get("/wholesale/quick-order")
@role_required(Role.SHOP)
def quick_order() -> tuple[str, int]:
    return _page(_shop_prices())


@bp.post("/wholesale/quick-order")
@role_required(Role.SHOP)
def quick_order_add() -> tuple[str, int]:
    prices = _shop_prices()
    form = GridForm()
    if not form.validate_on_submit():
        form.form_errors.append(_("The form has expired: please enter the quantities again."))
        return _page(prices, grid_form=form, status=400)
    rows = grid_rows(request.form)
    if not rows:
        form.form_errors.append(_("Enter a quantity for at least one item."))
        return _page(prices, grid_form=form, status=400)
    report = add_rows(current_cart(), rows, today=today_in_vietnam(), prices=prices)
    db.session.commit()
    return _page(prices, report=report)


@bp.get("/wholesale/quick-order/template.csv")
@role_required(Role.SHOP)
def quick_order_template() -> Response:
    prices = _shop_prices()
    items = grid_items(
        grid_filters(request.args), today=today_in_vietnam(), prices=prices, limit=MAX_LINES
    )
    rows = [
        [
            item.sku,
            "",
            " ".join(localized(item.item, "name").split()),
            item.min_quantity,
            item.unit_price_vnd,
        ]
        for item in items
    ]
    return Response(
        "".join(csv_chunks(TEMPLATE_HEADER, rows)),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="quick-order.csv"'},
    )


@bp.get("/wholesale/quick-order/upload")
@role_required(Role.SHOP)
def quick_order_upload_again() -> Response:
    """The upload's address opened as a page (a language switch on its report): the page."""
    _shop_prices()
    return redirect(url_for("wholesale.quick_order", **request.args))


@bp.post("/wholesale/quick-order/upload")
@role_required(Role.SHOP)
def quick_order_upload() -> tuple[str, int]:
    prices = _shop_prices()
    form = UploadForm()
    if not form.validate_on_submit():
        return _page(prices, upload_form=form, status=400)
    upload = form.file.data
    try:
        rows = read_upload(upload.stream)
    except FileRefused as error:
        form.file.errors.append(error.message())
        return _page(prices, upload_form=form, status=400)
    report = add_rows(current_cart(), rows, today=today_in_vietnam(), prices=prices)
    db.session.commit()
    return _page(prices, report=report, source=upload.filename or "")


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error: RequestEntityTooLarge) -> tuple[str, int]:
    """A request larger than the app takes at all (MAX_CONTENT_LENGTH): the quick-order
    page says so beside its upload form; other pages of this blueprint answer as the
    store's error page does."""
    message = _("That file is too large to upload.")
    if (
        request.endpoint == "wholesale.quick_order_upload"
        and current_user.is_authenticated
        and current_user.role is Role.SHOP
        and current_price_list().wholesale
    ):
        form = UploadForm(formdata=None)
        form.file.errors = [FileRefused(FileErrorCode.TOO_LARGE).message()]
        return _page(current_price_list(), upload_form=form, status=413)
    return render_template("errors/error.html", status=413, message=message), 413
