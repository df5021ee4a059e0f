"""Producer pages: public profiles (/producers), applying (/producer/apply), and the staff's
application queue and producer list (/staff/producers)."""

from collections.abc import Callable
from dataclasses import replace

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from storefront.accounts.access import role_required, signed_in_user
from storefront.accounts.errors import AccountError, AccountErrorCode
from storefront.accounts.models import Role
from storefront.accounts.sessions import safe_next
from storefront.catalog.filters import Sort, parse_filters
from storefront.catalog.listing import list_products
from storefront.clock import today_in_vietnam
from storefront.extensions import db
from storefront.producers import onboarding, review
from storefront.producers.directory import find_approved_producer
from storefront.producers.errors import ProducerError, ProducerErrorCode
from storefront.producers.forms import ApplicationForm, NoteForm, ReasonForm
from storefront.producers.models import Producer, ProducerStatus
from storefront.producers.search import search_producers
from storefront.query_args import QueryArgs
from storefront.wholesale.price_list import current_price_list

bp = Blueprint("producers", __name__)

STAFF_PER_PAGE = 50

# The application-form field each error belongs to; else the whole form.
ERROR_FIELDS: dict[ProducerErrorCode | AccountErrorCode, str] = {
    ProducerErrorCode.INVALID_TAX_CODE: "tax_code",
    ProducerErrorCode.TAX_CODE_TAKEN: "tax_code",
    ProducerErrorCode.UNKNOWN_PROVINCE: "province",
    ProducerErrorCode.WARD_NOT_IN_PROVINCE: "ward",
    ProducerErrorCode.LOGO_TOO_LARGE: "logo",
    ProducerErrorCode.LOGO_NOT_AN_IMAGE: "logo",
    ProducerErrorCode.LOGO_BAD_NAME: "logo",
    AccountErrorCode.INVALID_PHONE: "phone",
}


@bp.get("/producers/<slug>")
def producer(slug: str) -> str:
    found = find_approved_producer(slug)
    if found is None:
        abort(404)
    parsed = parse_filters(
        request.args,
        per_page=current_app.config["CATALOG_PER_PAGE"],
        max_per_page=current_app.config["API_MAX_PER_PAGE"],
    )
    filters = replace(parsed.filters, producer=found.slug, sort=parsed.filters.sort or Sort.STARS)
    page = list_products(filters, today=today_in_vietnam())
    # A shop's terms for every card, in one go (nothing for a retail buyer).
    current_price_list().load(products=[item.product.id for item in page.items])
    return render_template("producers/producer.html", producer=found, page=page, filters=filters)


def _initial(rejected: Producer | None) -> dict[str, str]:
    """What the form shows first: a rejected application's answers, to revise; and the
    province in `?province=` (the page's script asks for its wards this way)."""
    initial = _answers(rejected) if rejected else {}
    if "province" in request.args:
        initial["province"] = request.args["province"]
    return initial


def _answers(producer: Producer) -> dict[str, str]:
    return {
        "name": producer.name,
        "kind": producer.kind.value,
        "tax_code": producer.tax_code or "",
        "province": str(producer.province_code),
        "ward": str(producer.ward_code),
        "address": producer.address,
        "phone": producer.phone,
        "story": producer.story,
    }


@bp.route("/producer/apply", methods=["GET", "POST"])
@role_required(Role.SHOPPER, Role.PRODUCER)
def apply() -> Response | str:
    user = signed_in_user()
    member_of = onboarding.membership(user)
    if member_of is not None:
        return render_template("producers/application_status.html", producer=member_of)
    rejected = onboarding.last_rejected(user)
    form = ApplicationForm(data=_initial(rejected) if request.method == "GET" else None)
    if form.choose_province.data:  # only showing the province's wards: nothing to check yet
        form.ward.render_kw = {"autofocus": True}
    elif form.validate_on_submit():
        upload = form.logo.data
        try:
            onboarding.submit_application(
                form.application(),
                applicant=user,
                logo=onboarding.Logo(upload.stream, upload.filename)
                if upload and upload.filename
                else None,
                upload_dir=current_app.config["UPLOAD_DIR"],
            )
        except (ProducerError, AccountError) as error:
            field = ERROR_FIELDS.get(error.code)
            (form[field].errors if field else form.form_errors).append(error.message())
        else:
            flash(_("Thank you! Your application is sent; we will e-mail you our decision."))
            return redirect(url_for("producers.apply"))
    return render_template("producers/apply.html", form=form, rejected=rejected)


@bp.get("/staff/producers/applications")
@role_required(Role.STAFF)
def staff_applications() -> str:
    return render_template(
        "producers/staff_applications.html",
        applications=review.pending_applications(),
        approve_form=NoteForm(),
        reject_form=ReasonForm(),
    )


@bp.get("/staff/producers")
@role_required(Role.STAFF)
def staff_producers() -> str:
    args = QueryArgs(request.args)
    query = args.text("q", max_length=100)
    status = args.choice("status", ProducerStatus)
    page = search_producers(
        query=query,
        status=status,
        page=args.number("page", 1, 10_000) or 1,
        per_page=STAFF_PER_PAGE,
    )
    return render_template(
        "producers/staff_producers.html",
        page=page,
        query=query,
        status=status,
        suspend_form=ReasonForm(),
    )


def _decide(
    producer_id: int,
    form: FlaskForm,
    decide: Callable[[Producer], None],
    done: str,
    *,
    back: str,
) -> Response:
    """Apply one staff decision from a posted form, say how it went, and go back."""
    producer = db.session.get(Producer, producer_id)
    if producer is None:
        abort(404)
    if not form.validate_on_submit():
        flash(next(iter(form.errors.values()))[0])
    else:
        try:
            decide(producer)
        except ProducerError as error:
            flash(error.message())
        else:
            flash(done % {"producer": producer.name})
    return redirect(safe_next(request.form.get("next")) or url_for(back))


@bp.post("/staff/producers/<int:producer_id>/approve")
@role_required(Role.STAFF)
def staff_approve(producer_id: int) -> Response:
    form = NoteForm()
    return _decide(
        producer_id,
        form,
        lambda p: review.approve_application(p, staff=signed_in_user(), note=form.note.data or ""),
        _("%(producer)s is approved; the applicant is e-mailed."),
        back="producers.staff_applications",
    )


@bp.post("/staff/producers/<int:producer_id>/reject")
@role_required(Role.STAFF)
def staff_reject(producer_id: int) -> Response:
    form = ReasonForm()
    return _decide(
        producer_id,
        form,
        lambda p: review.reject_application(p, staff=signed_in_user(), reason=form.reason.data),
        _("%(producer)s is rejected; the applicant is e-mailed the reason."),
        back="producers.staff_applications",
    )


@bp.post("/staff/producers/<int:producer_id>/suspend")
@role_required(Role.STAFF)
def staff_suspend(producer_id: int) -> Response:
    form = ReasonForm()
    return _decide(
        producer_id,
        form,
        lambda p: review.suspend_producer(p, staff=signed_in_user(), reason=form.reason.data),
        _("%(producer)s is suspended: its products are off the store."),
        back="producers.staff_producers",
    )


@bp.post("/staff/producers/<int:producer_id>/reinstate")
@role_required(Role.STAFF)
def staff_reinstate(producer_id: int) -> Response:
    return _decide(
        producer_id,
        FlaskForm(),  # a button: only the CSRF token
        lambda p: review.reinstate_producer(p, staff=signed_in_user()),
        _("%(producer)s is reinstated: its products are back in the store."),
        back="producers.staff_producers",
    )
