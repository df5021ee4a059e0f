"""Producer portal pages of combos, on the "combos" blueprint: the producer's combos and the
combo builder (also staff's, under /staff); invitations and packaging have their own
modules (invitation_views, packaging_views).

Another producer's combo is a 404. The builder works without
JavaScript: every button posts the whole form back and the page is drawn again, nothing
saved until Save; static/js/combo-builder.js only refreshes the summary as one types.
"""

from pathlib import Path

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response

from storefront.accounts.access import (
    current_producer,
    producer_member_required,
    role_required,
    signed_in_user,
)
from storefront.accounts.models import Role
from storefront.catalog.errors import CatalogError
from storefront.catalog.forms import ActionForm
from storefront.clock import today_in_vietnam
from storefront.combos.builder import (
    Preview,
    preview,
    save_combo,
)
from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.finder import find_products
from storefront.combos.forms import (
    ComboForm,
    StaffComboForm,
    draft_from,
    form_data,
    rows_of,
    set_rows,
    uploaded,
)
from storefront.combos.invitations import (
    pending_count,
)
from storefront.combos.models import Combo, Consent, Heritage
from storefront.combos.packaging import (
    own_packaging,
)
from storefront.combos.pictures import Picture
from storefront.combos.publishing import (
    find_combo,
    find_own_combo,
    own_combo,
    own_combos,
    publish_combo,
    unpublish_combo,
)
from storefront.combos.views import bp
from storefront.extensions import db
from storefront.money import format_vnd
from storefront.producers.models import Producer, ProducerStatus

Code = ComboErrorCode
_PRICE_CODES = frozenset({Code.PRICE_REQUIRED, Code.PRICE_ZERO, Code.PRICE_ABOVE_PARTS})
_FIELD_OF = {
    Code.NAME_REQUIRED: "name",
    Code.PERCENT_OUT_OF_RANGE: "percent_off",
    Code.UNKNOWN_PACKAGING: "packaging",
    Code.UNKNOWN_HERITAGE: "heritage",
}


def _own_combo_or_404(combo_id: int) -> Combo:
    combo = find_own_combo(current_producer(), combo_id)
    if combo is None:
        abort(404)
    return combo


# --- The producer's combos ------------------------------------------------------------------


@bp.get("/producer/combos")
@producer_member_required
def portal_combos() -> str:
    producer = current_producer()
    today = today_in_vietnam()
    return render_template(
        "combos/portal/combos.html",
        rows=own_combos(producer, today=today),
        pending=pending_count(producer),
        action_form=ActionForm(),
    )


@bp.post("/producer/combos/<int:combo_id>/publish")
@producer_member_required
def portal_publish_combo(combo_id: int) -> Response:
    combo = _own_combo_or_404(combo_id)
    if ActionForm().validate_on_submit():
        try:
            publish_combo(combo, actor=signed_in_user(), today=today_in_vietnam())
        except ComboError as error:
            flash(_described(error, {c.product_id: c.product.name for c in combo.components}))
        else:
            flash(_("“%(name)s” is published.", name=combo.name))
    return redirect(url_for("combos.portal_combos", _anchor=f"combo-{combo.id}"))


@bp.post("/producer/combos/<int:combo_id>/hide")
@producer_member_required
def portal_hide_combo(combo_id: int) -> Response:
    combo = _own_combo_or_404(combo_id)
    if ActionForm().validate_on_submit():
        unpublish_combo(combo, actor=signed_in_user())
        flash(_("“%(name)s” is hidden from the shop.", name=combo.name))
    return redirect(url_for("combos.portal_combos", _anchor=f"combo-{combo.id}"))


def _described(error: ComboError, names: dict[int, str]) -> str:
    """The error's message, naming the product at fault (names: by product id) if any."""
    product = names.get(error.product_id) if error.product_id is not None else None
    if product is None:
        return error.message()
    return _("%(message)s (%(product)s)", message=error.message(), product=product)


# --- The builder ----------------------------------------------------------------------------


def _heritage_choices() -> list[tuple[int, str]]:
    entries = db.session.scalars(select(Heritage).order_by(Heritage.name, Heritage.id))
    return [(0, _("None")), *((h.id, h.name) for h in entries)]


def _approved_producers() -> list[Producer]:
    return list(
        db.session.scalars(
            select(Producer)
            .where(Producer.status == ProducerStatus.APPROVED)
            .order_by(Producer.name, Producer.id)
        )
    )


def _new_form(form_class: type[ComboForm], combo: Combo | None) -> ComboForm:
    if request.method == "POST":
        form = form_class()
    elif combo is not None:
        form = form_class(formdata=None, data=form_data(combo))
    else:
        form = form_class(formdata=None)
    form.heritage.choices = _heritage_choices()
    return form


def _change_rows(form: ComboForm, action: str) -> None:
    """Apply an "add-<product id>" or "remove-<product id>" button to the rows."""
    verb, _sep, value = action.partition("-")
    if not value.isdigit():
        return
    product_id, rows = int(value), rows_of(form)
    if verb == "add" and all(row[0] != product_id for row in rows):
        set_rows(form, [*rows, (product_id, 1)])
    elif verb == "remove":
        set_rows(form, [row for row in rows if row[0] != product_id])


def _show_problems(form: ComboForm, result: Preview) -> tuple[list[str], dict[int, list[str]]]:
    """Put each problem next to its field; those about the rows, as (for all the rows,
    by product id)."""
    general: list[str] = []
    rows: dict[int, list[str]] = {}
    for problem in result.problems:
        message = problem.message()
        if problem.product_id is not None:
            rows.setdefault(problem.product_id, []).append(message)
            continue
        if problem.code in _PRICE_CODES:
            name = "fixed_price_vnd" if form.price_mode.data == "fixed" else "percent_off"
        else:
            name = _FIELD_OF.get(problem.code, "")
        if not name:
            general.append(message)
        elif message not in form[name].errors:
            form[name].errors = [*form[name].errors, message]
    return general, rows


def _builder(
    combo: Combo | None, owner: Producer | None, *, staff: bool, producers: list[Producer]
) -> Response | str:
    """The builder page for the owner's combo (new when combo is None), staff's or not."""
    form = _new_form(StaffComboForm if staff and combo is None else ComboForm, combo)
    owner_known = True
    if isinstance(form, StaffComboForm):
        form.owner.choices = [(p.id, p.name) for p in producers]
        chosen = next((p for p in producers if p.id == form.owner.data), None)
        owner_known = chosen is not None or request.method == "GET"
        owner = chosen or owner
        if request.method == "GET" and owner is not None:
            form.owner.data = owner.id
    if owner is None:
        abort(404)
    action = request.form.get("action", "save") if request.method == "POST" else ""
    attempted = False
    if action.startswith(("add-", "remove-")):
        _change_rows(form, action)
    elif action == "save":
        attempted = True
        if not owner_known:
            form.owner.errors = [ComboError(Code.UNKNOWN_OWNER).message()]
        elif form.validate_on_submit():
            saved = _save(form, combo, owner)
            if saved is not None:
                flash(_saved_message(saved, created=combo is None))
                endpoint = "combos.staff_edit_combo" if staff else "combos.portal_edit_combo"
                return redirect(url_for(endpoint, combo_id=saved.id))
    return _builder_page(form, combo=combo, owner=owner, staff=staff, attempted=attempted)


def _save(form: ComboForm, combo: Combo | None, owner: Producer) -> Combo | None:
    """The saved combo; None when refused (the page shows why, next to each field)."""
    upload = uploaded(form)
    upload_dir = Path(current_app.config["UPLOAD_DIR"])
    picture = Picture(upload.stream, upload.filename, upload_dir) if upload else None
    try:
        today = today_in_vietnam()
        return save_combo(
            combo, draft_from(form), owner=owner, actor=signed_in_user(), image=picture, today=today
        )
    except ComboError:
        return None  # preview() lists the same problems when the page is drawn again
    except CatalogError as error:
        form.picture.errors = [*form.picture.errors, error.message()]
        return None


def _saved_message(combo: Combo, *, created: bool) -> str:
    partners = sorted({c.producer.name for c in combo.components if c.consent is Consent.PENDING})
    if partners:
        return _(
            "The combo is saved. It can be published once %(partners)s accept the invitation.",
            partners=", ".join(partners),
        )
    return _("The combo is saved.") if not created else _("The combo is saved as a draft.")


def _builder_page(
    form: ComboForm, *, combo: Combo | None, owner: Producer, staff: bool, attempted: bool
) -> str:
    today = today_in_vietnam()
    draft = draft_from(form)
    result = preview(draft, owner=owner, today=today)
    items = [i for i in own_packaging(owner) if i.active or i.id in draft.packaging_item_ids]
    form.packaging.choices = [(i.id, i.name) for i in items]
    form.default_packaging.choices = [(i.id, i.name) for i in items]
    if not form.default_packaging.data and draft.packaging_item_ids:
        form.default_packaging.data = draft.packaging_item_ids[0]
    component_errors, row_errors = _show_problems(form, result) if attempted else ([], {})
    consents = {c.product_id: c for c in combo.components} if combo else {}
    preview_url = url_for("combos.staff_combo_preview" if staff else "combos.portal_combo_preview")
    return render_template(
        "combos/portal/builder.html",
        workspace="staff" if staff else "producer",
        form=form,
        combo=combo,
        owner=owner,
        summary=result,
        problems=_problem_texts(result),
        lines={line.product_id: line for line in result.lines},
        standing=own_combo(combo, today=today) if combo is not None and not staff else None,
        row_errors=row_errors,
        component_errors=component_errors,
        attempted=attempted,
        consents=consents,
        finder=find_products(form.q.data or "", owner=owner, today=today),
        chosen={product_id for product_id, _quantity in draft.components},
        packaging=items,
        preview_url=preview_url,
        action_form=ActionForm(),
    )


def _problem_texts(result: Preview) -> list[str]:
    """Each problem's message, naming its product when it is about one."""
    names = {line.product_id: line.product.name for line in result.lines if line.product}
    return [_described(problem, names) for problem in result.problems]


def _preview_json(result: Preview) -> dict:
    """The summary figures as combo-builder.js shows them (amounts also written out)."""
    return {
        "parts_vnd": result.parts_vnd,
        "price_vnd": result.price_vnd,
        "saving_vnd": result.saving_vnd,
        "saving_percent": result.saving_percent,
        "min_stars": result.min_stars,
        "makes": result.makes,
        "text": {
            "parts": format_vnd(result.parts_vnd),
            "price": format_vnd(result.price_vnd),
            "saving": format_vnd(result.saving_vnd),
            "saving_percent": f"{result.saving_percent} %",
            "min_stars": str(result.min_stars) if result.min_stars else "—",
            "makes": str(result.makes),
        },
        "lines": [
            {
                "product_id": line.product_id,
                "quantity": line.quantity,
                "line_vnd": line.line_vnd,
                "text": format_vnd(line.line_vnd),
            }
            for line in result.lines
        ],
        "problems": [
            {
                "code": problem.code.value,
                "product_id": problem.product_id,
                "message": problem.message(),
                "text": text,
            }
            for problem, text in zip(result.problems, _problem_texts(result), strict=True)
        ],
    }


@bp.route("/producer/combos/new", methods=["GET", "POST"])
@producer_member_required
def portal_new_combo() -> Response | str:
    return _builder(None, current_producer(), staff=False, producers=[])


@bp.route("/producer/combos/<int:combo_id>", methods=["GET", "POST"])
@producer_member_required
def portal_edit_combo(combo_id: int) -> Response | str:
    combo = _own_combo_or_404(combo_id)
    return _builder(combo, current_producer(), staff=False, producers=[])


@bp.post("/producer/combos/preview")
@producer_member_required
def portal_combo_preview() -> Response:
    result = preview(draft_from(ComboForm()), owner=current_producer(), today=today_in_vietnam())
    return jsonify(_preview_json(result))


@bp.route("/staff/combos/new", methods=["GET", "POST"])
@role_required(Role.STAFF)
def staff_new_combo() -> Response | str:
    producers = _approved_producers()
    if not producers:
        flash(_("There is no approved producer yet to own a combo."))
        return redirect(url_for("producers.staff_producers"))
    return _builder(None, producers[0], staff=True, producers=producers)


@bp.route("/staff/combos/<int:combo_id>/edit", methods=["GET", "POST"])
@role_required(Role.STAFF)
def staff_edit_combo(combo_id: int) -> Response | str:
    combo = find_combo(combo_id)
    if combo is None:
        abort(404)
    return _builder(combo, combo.owner, staff=True, producers=[])


@bp.post("/staff/combos/preview")
@role_required(Role.STAFF)
def staff_combo_preview() -> Response:
    form = StaffComboForm()
    owner = db.session.get(Producer, form.owner.data) if isinstance(form.owner.data, int) else None
    if owner is None or owner.status is not ProducerStatus.APPROVED:
        error = ComboError(Code.UNKNOWN_OWNER)
        return jsonify(error={"code": error.code.value, "message": error.message()}), 400
    return jsonify(_preview_json(preview(draft_from(form), owner=owner, today=today_in_vietnam())))
