"""Producer portal pages of wholesale, on the "wholesale" blueprint: the producer's price
list for shops (/producer/wholesale) and the terms of each of its products and combos
(/producer/wholesale/products/<id>, /producer/wholesale/combos/<id>). Another producer's
item is a 404."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from storefront.accounts.access import current_producer, producer_member_required
from storefront.cart.lines import ItemKind
from storefront.catalog.forms import ActionForm
from storefront.catalog.models import Product
from storefront.clock import today_in_vietnam
from storefront.combos.models import Combo
from storefront.extensions import db
from storefront.wholesale.errors import ShopError, ShopErrorCode
from storefront.wholesale.producer_terms import find_own_item, own_price_list, retail_of
from storefront.wholesale.tier_forms import TierRowForm, TierTermsForm, tiers_of
from storefront.wholesale.tiers import check_tiers, offer_of, save_terms, stop_selling_wholesale
from storefront.wholesale.views import bp

KINDS = {"products": ItemKind.PRODUCT, "combos": ItemKind.COMBO}
ITEM_URL = "/producer/wholesale/<any(products, combos):kind>/<int:item_id>"

# The field of the tier at fault for each rule about one tier; the minimum's own field,
# or the whole form, for the others.
ROW_FIELDS: dict[ShopErrorCode, str] = {
    ShopErrorCode.TIER_BELOW_MINIMUM: "min_quantity",
    ShopErrorCode.TIER_QUANTITY_ORDER: "min_quantity",
    ShopErrorCode.TIER_NOT_BELOW_RETAIL: "unit_price_vnd",
    ShopErrorCode.TIER_PRICE_ORDER: "unit_price_vnd",
}


def _own_item_or_404(kind: str, item_id: int) -> Product | Combo:
    item = find_own_item(current_producer(), KINDS[kind], item_id)
    if item is None:
        abort(404)
    return item


def _anchor(kind: str, item_id: int) -> str:
    return f"{kind[:-1]}-{item_id}"


@bp.get("/producer/wholesale")
@producer_member_required
def portal_tiers() -> str:
    rows = own_price_list(current_producer(), today=today_in_vietnam())
    return render_template("wholesale/portal/tiers.html", rows=rows)


def _row_at_fault(form: TierTermsForm, retail_vnd: int) -> TierRowForm:
    """The first tier the rules refuse: the one whose fields get the message."""
    rows = form.filled_rows()
    for count in range(1, len(rows) + 1):
        try:
            check_tiers(retail_vnd, form.minimum(), tiers_of(rows[:count]))
        except ShopError:
            return rows[count - 1]
    return rows[-1]


def _show_refusal(form: TierTermsForm, error: ShopError, *, retail_vnd: int) -> None:
    message = error.message()
    if error.code is ShopErrorCode.INVALID_MINIMUM:
        form.min_quantity.errors.append(message)
    elif error.code in ROW_FIELDS and form.filled_rows():
        _row_at_fault(form, retail_vnd)[ROW_FIELDS[error.code]].errors.append(message)
    else:
        form.form_errors.append(message)


@bp.route(ITEM_URL, methods=["GET", "POST"])
@producer_member_required
def portal_item_terms(kind: str, item_id: int) -> Response | str | tuple[str, int]:
    item = _own_item_or_404(kind, item_id)
    retail_vnd = retail_of(item, today=today_in_vietnam())
    offer = offer_of(item)
    if request.method == "GET":
        form = TierTermsForm.filled_from(offer)
    else:
        form = TierTermsForm()
        if form.validate_on_submit():
            try:
                save_terms(
                    item,
                    retail_vnd=retail_vnd,
                    min_quantity=form.minimum(),
                    tiers=form.entered_tiers(),
                )
            except ShopError as error:
                _show_refusal(form, error, retail_vnd=retail_vnd)
            else:
                db.session.commit()
                flash(_("The wholesale prices of “%(name)s” are saved.", name=item.name))
                return redirect(url_for("wholesale.portal_tiers", _anchor=_anchor(kind, item.id)))
    page = render_template(
        "wholesale/portal/tier_form.html",
        kind=kind,
        item=item,
        retail_vnd=retail_vnd,
        offer=offer,
        form=form,
        remove_form=ActionForm(),
        refused=request.method == "POST",
    )
    return (page, 400) if request.method == "POST" else page


@bp.post(ITEM_URL + "/remove")
@producer_member_required
def portal_item_terms_remove(kind: str, item_id: int) -> Response:
    item = _own_item_or_404(kind, item_id)
    if ActionForm().validate_on_submit():
        stop_selling_wholesale(item)
        db.session.commit()
        flash(
            _("“%(name)s” is no longer sold wholesale: shops pay the retail price.", name=item.name)
        )
    return redirect(url_for("wholesale.portal_tiers", _anchor=_anchor(kind, item.id)))
