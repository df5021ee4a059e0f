"""Producer portal: the gift boxes, baskets and wrapping a producer packs its combos in.
Another producer's item is a 404."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from storefront.accounts.access import current_producer, producer_member_required, signed_in_user
from storefront.combos.errors import ComboError
from storefront.combos.forms import PackagingForm
from storefront.combos.models import PackagingItem, PackagingKind
from storefront.combos.packaging import (
    PackagingDetails,
    create_packaging,
    find_own_packaging,
    own_packaging,
    update_packaging,
)
from storefront.combos.views import bp


def _packaging_details(form: PackagingForm) -> PackagingDetails:
    return PackagingDetails(
        kind=PackagingKind(form.kind.data),
        name=form.name.data or "",
        name_en=form.name_en.data,
        price_vnd=form.price_vnd.data or 0,
        stock=form.stock.data or 0,
        active=bool(form.active.data),
    )


@bp.route("/producer/packaging", methods=["GET", "POST"])
@producer_member_required
def portal_packaging() -> Response | str:
    producer = current_producer()
    form = PackagingForm()
    if form.validate_on_submit():
        try:
            item = create_packaging(producer, _packaging_details(form), actor=signed_in_user())
        except ComboError as error:
            form.name.errors = [*form.name.errors, error.message()]
        else:
            flash(_("“%(name)s” is added to your packaging.", name=item.name))
            return redirect(url_for("combos.portal_packaging"))
    return render_template("combos/portal/packaging.html", items=own_packaging(producer), form=form)


@bp.route("/producer/packaging/<int:item_id>", methods=["GET", "POST"])
@producer_member_required
def portal_edit_packaging(item_id: int) -> Response | str:
    item: PackagingItem | None = find_own_packaging(current_producer(), item_id)
    if item is None:
        abort(404)
    form = PackagingForm(obj=item)
    if form.validate_on_submit():
        try:
            update_packaging(item, _packaging_details(form), actor=signed_in_user())
        except ComboError as error:
            form.name.errors = [*form.name.errors, error.message()]
        else:
            flash(_("Your changes are saved."))
            return redirect(url_for("combos.portal_packaging"))
    return render_template("combos/portal/packaging_edit.html", item=item, form=form)
