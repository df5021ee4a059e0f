"""Wholesale pages: applying for a shop account (/wholesale/apply), its status
(/wholesale/application), and the staff's review of applications (/staff/shops)."""

from collections.abc import Callable

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from storefront.accounts.access import role_required, signed_in_user
from storefront.accounts.models import Role, User
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.wholesale import onboarding, review, terms
from storefront.wholesale.credit import owed_by_shop
from storefront.wholesale.errors import ShopError, ShopErrorCode
from storefront.wholesale.forms import NoteForm, ReasonForm, ShopApplicationForm, TermsForm
from storefront.wholesale.models import Shop, ShopStatus

bp = Blueprint("wholesale", __name__)

# The application-form field each error belongs to; else the whole form.
ERROR_FIELDS: dict[ShopErrorCode, str] = {
    ShopErrorCode.INVALID_TAX_CODE: "tax_code",
    ShopErrorCode.TAX_CODE_TAKEN: "tax_code",
    ShopErrorCode.UNKNOWN_PROVINCE: "province",
    ShopErrorCode.WARD_NOT_IN_PROVINCE: "ward",
    ShopErrorCode.INVALID_PHONE: "contact_phone",
}

# Producer members and staff have other work here; only these may apply.
APPLICANT_ROLES = (Role.SHOPPER, Role.SHOP)


def _applicant() -> User:
    """The signed-in user when they may apply, else 403."""
    user = signed_in_user()
    if not onboarding.may_apply(user):
        abort(403)
    return user


@bp.route("/wholesale/apply", methods=["GET", "POST"])
@role_required(*APPLICANT_ROLES)
def apply() -> Response | str:
    user = _applicant()
    if onboarding.application_of(user) is not None:
        return redirect(url_for("wholesale.application"))
    initial = {"province": request.args["province"]} if "province" in request.args else None
    form = ShopApplicationForm(data=initial if request.method == "GET" else None)
    if form.choose_province.data:  # only showing the province's wards: nothing to check yet
        form.ward.render_kw = {"autofocus": True}
    elif form.validate_on_submit():
        try:
            onboarding.submit_application(form.application(), applicant=user)
        except ShopError as error:
            field = ERROR_FIELDS.get(error.code)
            (form[field].errors if field else form.form_errors).append(error.message())
        else:
            flash(_("Thank you! Your application is sent; we will e-mail you our decision."))
            return redirect(url_for("wholesale.application"))
    return render_template("wholesale/apply.html", form=form)


@bp.get("/wholesale/application")
@role_required(*APPLICANT_ROLES)
def application() -> Response | str:
    shop = onboarding.application_of(_applicant())
    if shop is None:
        return redirect(url_for("wholesale.apply"))
    return render_template("wholesale/application_status.html", shop=shop)


def _shops_page(refused: tuple[Shop, TermsForm] | None = None) -> str:
    """The staff's list of shops; `refused` is a terms form posted for a shop, with its errors."""
    shops = review.applications()
    terms_forms = {
        shop.id: TermsForm(
            formdata=None,
            payment_terms_days=str(shop.payment_terms_days or 0),
            credit_limit_vnd=shop.credit_limit_vnd or 0,
        )
        for shop in shops
        if shop.status is ShopStatus.APPROVED
    }
    if refused is not None:
        terms_forms[refused[0].id] = refused[1]
    return render_template(
        "wholesale/staff_shops.html",
        shops=shops,
        approve_form=NoteForm(),
        reject_form=ReasonForm(),
        terms_forms=terms_forms,
        refused=refused,
        owed=owed_by_shop(terms_forms),
    )


@bp.get("/staff/shops")
@role_required(Role.STAFF)
def staff_shops() -> str:
    return _shops_page()


def _decide(shop_id: int, form: FlaskForm, decide: Callable[[Shop], None], done: str) -> Response:
    """Apply one staff decision from a posted form, say how it went, and go back."""
    shop = db.session.get(Shop, shop_id)
    if shop is None:
        abort(404)
    if not form.validate_on_submit():
        flash(next(iter(form.errors.values()))[0])
    else:
        try:
            decide(shop)
        except ShopError as error:
            flash(error.message())
        else:
            flash(done % {"shop": shop.name})
    return redirect(url_for("wholesale.staff_shops"))


@bp.post("/staff/shops/<int:shop_id>/approve")
@role_required(Role.STAFF)
def staff_approve(shop_id: int) -> Response:
    form = NoteForm()
    return _decide(
        shop_id,
        form,
        lambda s: review.approve_application(s, staff=signed_in_user(), note=form.note.data or ""),
        _("%(shop)s is approved; the applicant is e-mailed."),
    )


@bp.post("/staff/shops/<int:shop_id>/reject")
@role_required(Role.STAFF)
def staff_reject(shop_id: int) -> Response:
    form = ReasonForm()
    return _decide(
        shop_id,
        form,
        lambda s: review.reject_application(s, staff=signed_in_user(), reason=form.reason.data),
        _("%(shop)s is rejected; the applicant is e-mailed the reason."),
    )


@bp.post("/staff/shops/<int:shop_id>/terms")
@role_required(Role.STAFF)
def staff_terms(shop_id: int) -> Response | tuple[str, int]:
    shop = db.session.get(Shop, shop_id)
    if shop is None:
        abort(404)
    form = TermsForm()
    if not form.validate_on_submit():
        return _shops_page(refused=(shop, form)), 400
    try:
        terms.grant_terms(
            shop,
            staff=signed_in_user(),
            payment_terms_days=int(form.payment_terms_days.data),
            credit_limit_vnd=form.credit_limit_vnd.data,
            now=utcnow(),
        )
    except ShopError as error:
        flash(error.message())
    else:
        flash(_("%(shop)s has its new payment terms and credit limit.", shop=shop.name))
    return redirect(url_for("wholesale.staff_shops"))


# The pages in these modules join this blueprint when it is imported.
from storefront.wholesale import (  # noqa: E402, F401
    member_views,
    price_views,
    quick_order_views,
    quote_views,
    shop_views,
    tier_views,
)
