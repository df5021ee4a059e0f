"""Certificate pages on the "catalog" blueprint: producers submit and follow their
certificates under /producer/certificates; staff verify or reject them under
/staff/certificates. Scans are served only here, to their producer and to staff."""

from pathlib import Path

from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_babel import gettext as _
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from storefront.accounts.access import (
    current_producer,
    producer_member_required,
    role_required,
    signed_in_user,
)
from storefront.accounts.models import Role
from storefront.catalog import certificates as service
from storefront.catalog.errors import CatalogError
from storefront.catalog.forms import ActionForm, CertificateForm, RejectForm
from storefront.catalog.models import IssuingBody, OcopCertificate, ProductStatus
from storefront.catalog.portal import find_own_product, own_products, standing
from storefront.catalog.views import bp
from storefront.clock import today_in_vietnam

RECENT_DECISIONS = 20


def _scan_response(certificate: OcopCertificate | None) -> Response:
    if certificate is None or not certificate.scan_path:
        abort(404)
    response = send_from_directory(current_app.config["UPLOAD_DIR"], certificate.scan_path)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/producer/certificates")
@producer_member_required
def portal_certificates() -> str:
    today = today_in_vietnam()
    standings = [standing(p, today=today) for p in own_products(current_producer())]
    return render_template("catalog/portal/certificates.html", standings=standings, today=today)


@bp.route("/producer/certificates/new", methods=["GET", "POST"])
@producer_member_required
def portal_certificate_new() -> Response | str:
    producer = current_producer()
    form = CertificateForm()
    form.product.choices = [
        SelectChoice(p.id, p.name)
        for p in own_products(producer)
        if p.status is not ProductStatus.ARCHIVED
    ]
    if request.method == "GET":
        form.product.data = request.args.get("product", type=int)
    if form.validate_on_submit():
        product = find_own_product(producer, form.product.data)
        if product is None:
            abort(404)
        try:
            service.submit_certificate(
                product,
                facts=service.CertificateFacts(
                    stars=form.stars.data,
                    decision_number=form.decision_number.data,
                    issuing_body=IssuingBody(form.issuing_body.data),
                    issued_on=form.issued_on.data,
                    expires_on=form.expires_on.data,
                ),
                scan=form.scan.data.stream,
                scan_name=form.scan.data.filename,
                actor=signed_in_user(),
                today=today_in_vietnam(),
                upload_dir=Path(current_app.config["UPLOAD_DIR"]),
            )
        except CatalogError as error:
            form.form_errors.append(error.message())
        else:
            flash(_("The certificate is sent; our staff will check it soon."))
            return redirect(url_for("catalog.portal_certificates"))
    return render_template("catalog/portal/certificate_new.html", form=form)


@bp.get("/producer/certificates/<int:certificate_id>/scan")
@producer_member_required
def portal_certificate_scan(certificate_id: int) -> Response:
    return _scan_response(service.find_certificate(certificate_id, producer=current_producer()))


@bp.get("/staff/certificates")
@role_required(Role.STAFF)
def staff_certificates() -> str:
    return render_template(
        "catalog/staff/certificates.html",
        queue=service.pending_certificates(),
        decided=service.recent_decisions(limit=RECENT_DECISIONS),
        action_form=ActionForm(),
        reject_form=RejectForm(),
        today=today_in_vietnam(),
    )


@bp.get("/staff/certificates/<int:certificate_id>/scan")
@role_required(Role.STAFF)
def staff_certificate_scan(certificate_id: int) -> Response:
    return _scan_response(service.find_certificate(certificate_id))


def _certificate_or_404(certificate_id: int) -> OcopCertificate:
    certificate = service.find_certificate(certificate_id)
    if certificate is None:
        abort(404)
    return certificate


@bp.post("/staff/certificates/<int:certificate_id>/verify")
@role_required(Role.STAFF)
def staff_certificate_verify(certificate_id: int) -> Response:
    certificate = _certificate_or_404(certificate_id)
    if ActionForm().validate_on_submit():
        try:
            service.verify_certificate(certificate, actor=signed_in_user())
        except CatalogError as error:
            flash(error.message())
        else:
            flash(_("Certificate %(number)s is verified.", number=certificate.decision_number))
    return redirect(url_for("catalog.staff_certificates"))


@bp.post("/staff/certificates/<int:certificate_id>/reject")
@role_required(Role.STAFF)
def staff_certificate_reject(certificate_id: int) -> Response:
    certificate = _certificate_or_404(certificate_id)
    form = RejectForm()
    if form.validate_on_submit():
        try:
            service.reject_certificate(certificate, actor=signed_in_user(), reason=form.reason.data)
        except CatalogError as error:
            flash(error.message())
        else:
            flash(_("Certificate %(number)s is rejected.", number=certificate.decision_number))
    else:
        for message in form.reason.errors:
            flash(message)
    return redirect(url_for("catalog.staff_certificates"))
