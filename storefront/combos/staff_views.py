"""Staff pages of the combos domain, on the "combos" blueprint: every combo with its
availability, hiding and restoring combos (/staff/combos), and curating the heritage
entries combos are tied to (/staff/heritage)."""

from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from storefront.accounts.access import role_required, signed_in_user
from storefront.accounts.models import Role
from storefront.accounts.sessions import safe_next
from storefront.catalog.errors import CatalogError
from storefront.clock import today_in_vietnam
from storefront.combos import heritage as curation
from storefront.combos import moderation
from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.models import Combo, ComboStatus, Heritage
from storefront.combos.pictures import Picture
from storefront.combos.staff_forms import HeritageForm, HideForm
from storefront.combos.views import bp
from storefront.query_args import QueryArgs

STAFF_PER_PAGE = 30

# The heritage-form field each error belongs to; else the whole form.
HERITAGE_FIELDS = {
    ComboErrorCode.NAME_REQUIRED: "name",
    ComboErrorCode.UNKNOWN_PROVINCE: "province",
    ComboErrorCode.WARD_NOT_IN_PROVINCE: "ward",
}


@bp.get("/staff/combos")
@role_required(Role.STAFF)
def staff_combos() -> str:
    args = QueryArgs(request.args)
    query = args.text("q", max_length=100)
    status = args.choice("status", ComboStatus)
    owner_id = args.number("owner", 1, 2**31 - 1)
    page = moderation.staff_combos(
        query=query,
        status=status,
        owner_id=owner_id,
        page=args.number("page", 1, 10_000) or 1,
        per_page=STAFF_PER_PAGE,
        today=today_in_vietnam(),
    )
    return render_template(
        "combos/staff/combos.html",
        page=page,
        query=query,
        status=status,
        owner_id=owner_id,
        owners=[(owner.id, owner.name) for owner in moderation.combo_owners()],
        hide_form=HideForm(),
    )


def _combo_or_404(combo_id: int) -> Combo:
    combo = moderation.find_combo_for_staff(combo_id)
    if combo is None:
        abort(404)
    return combo


def _back() -> Response:
    return redirect(safe_next(request.form.get("next")) or url_for("combos.staff_combos"))


@bp.post("/staff/combos/<int:combo_id>/hide")
@role_required(Role.STAFF)
def staff_hide_combo(combo_id: int) -> Response:
    combo = _combo_or_404(combo_id)
    form = HideForm()
    if not form.validate_on_submit():
        flash(next(iter(form.errors.values()))[0])
        return _back()
    try:
        moderation.hide_combo(combo, actor=signed_in_user(), reason=form.reason.data)
    except ComboError as error:
        flash(error.message())
    else:
        flash(_("%(combo)s is hidden; its owner is e-mailed the reason.", combo=combo.name))
    return _back()


@bp.post("/staff/combos/<int:combo_id>/restore")
@role_required(Role.STAFF)
def staff_restore_combo(combo_id: int) -> Response:
    combo = _combo_or_404(combo_id)
    if FlaskForm().validate_on_submit():  # a button: only the CSRF token
        try:
            moderation.restore_combo(combo, actor=signed_in_user())
        except ComboError as error:
            flash(error.message())
        else:
            flash(
                _(
                    "%(combo)s is restored as a draft; its owner can publish it again.",
                    combo=combo.name,
                )
            )
    return _back()


@bp.get("/staff/heritage")
@role_required(Role.STAFF)
def staff_heritage() -> str:
    return render_template("combos/staff/heritage_list.html", rows=curation.heritage_rows())


def _heritage_form(heritage: Heritage | None) -> HeritageForm:
    """The form: on GET, the entry's answers (or none) and the province in `?province=`,
    which the page's script asks for to get that province's wards."""
    if request.method != "GET":
        return HeritageForm()
    initial = HeritageForm.answers(heritage) if heritage else {}
    if "province" in request.args:
        initial["province"] = request.args["province"]
        initial.pop("ward", None)
    return HeritageForm(data=initial)


def _heritage_page(heritage: Heritage | None) -> Response | str:
    form = _heritage_form(heritage)
    if form.choose_province.data:  # only showing the province's wards: nothing to save yet
        form.ward.render_kw = {"autofocus": True}
    elif form.validate_on_submit():
        upload = form.picture.data
        upload_dir = Path(current_app.config["UPLOAD_DIR"])
        picture = Picture(upload.stream, upload.filename, upload_dir) if upload else None
        try:
            if heritage is None:
                saved = curation.create_heritage(form.details(), picture=picture)
                flash(_("%(name)s is added.", name=saved.name))
            else:
                curation.update_heritage(heritage, form.details(), picture=picture)
                flash(_("%(name)s is saved.", name=heritage.name))
        except ComboError as error:
            field = HERITAGE_FIELDS.get(error.code)
            (form[field].errors if field else form.form_errors).append(error.message())
        except CatalogError as error:  # the picture was refused
            form.picture.errors = [*form.picture.errors, error.message()]
        else:
            return redirect(url_for("combos.staff_heritage"))
    return render_template("combos/staff/heritage_form.html", form=form, heritage=heritage)


@bp.route("/staff/heritage/new", methods=["GET", "POST"])
@role_required(Role.STAFF)
def staff_new_heritage() -> Response | str:
    return _heritage_page(None)


@bp.route("/staff/heritage/<int:heritage_id>", methods=["GET", "POST"])
@role_required(Role.STAFF)
def staff_edit_heritage(heritage_id: int) -> Response | str:
    heritage = curation.find_heritage_entry(heritage_id)
    if heritage is None:
        abort(404)
    return _heritage_page(heritage)
