"""Producer portal stock page: levels, a set-or-adjust form per product, and the ledger."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from storefront.accounts.access import current_producer, producer_member_required, signed_in_user
from storefront.catalog.models import Product
from storefront.catalog.portal import find_own_product, own_products
from storefront.inventory.errors import InventoryError
from storefront.inventory.forms import StockForm
from storefront.inventory.ledger import stock_history
from storefront.inventory.service import StockChange, change_stock

bp = Blueprint("inventory", __name__)

HISTORY_LENGTH = 50


def _form_for(product: Product) -> StockForm:
    # A prefix per product keeps the ids of the many forms on the page unique.
    return StockForm(prefix=f"p{product.id}", formdata=None)


def _stock_page(failed: tuple[Product, StockForm] | None = None) -> str:
    products = own_products(current_producer())
    forms = {product.id: _form_for(product) for product in products}
    if failed is not None:
        forms[failed[0].id] = failed[1]
    return render_template(
        "inventory/stock.html",
        products=products,
        forms=forms,
        history=stock_history([p.id for p in products], limit=HISTORY_LENGTH),
    )


@bp.get("/producer/stock")
@producer_member_required
def portal_stock() -> str:
    return _stock_page()


@bp.post("/producer/stock/<int:product_id>")
@producer_member_required
def portal_stock_change(product_id: int) -> Response | str:
    product = find_own_product(current_producer(), product_id)
    if product is None:
        abort(404)
    form = StockForm(prefix=f"p{product.id}")
    if form.validate_on_submit():
        try:
            changed = change_stock(
                product,
                change=StockChange(form.change.data),
                amount=form.amount.data,
                reason=form.reason.data,
                actor=signed_in_user(),
            )
        except InventoryError as error:
            form.amount.errors.append(error.message())
        else:
            if not changed:
                flash(
                    _(
                        "The stock of %(name)s was already %(count)d.",
                        name=product.name,
                        count=product.stock,
                    )
                )
            else:
                flash(
                    _(
                        "The stock of %(name)s is now %(count)d.",
                        name=product.name,
                        count=product.stock,
                    )
                )
            return redirect(url_for("inventory.portal_stock", _anchor=f"product-{product.id}"))
    return _stock_page(failed=(product, form))
