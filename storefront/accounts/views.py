"""Account pages under /account: sign up, sign in and out, password reset, settings; and
the staff's list of users under /staff/users."""

from collections.abc import Callable

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from storefront.accounts import service
from storefront.accounts.access import role_required, signed_in_user
from storefront.accounts.contact import display_phone, email_key
from storefront.accounts.errors import AccountError, AccountErrorCode
from storefront.accounts.forms import (
    ChangeEmailForm,
    ChangePasswordForm,
    ProfileForm,
    ResetPasswordForm,
    ResetRequestForm,
    SignInForm,
    SignUpForm,
)
from storefront.accounts.models import Role, User
from storefront.accounts.search import UserState, search_users
from storefront.accounts.sessions import end_session, safe_next, start_session
from storefront.extensions import db, limiter
from storefront.query_args import QueryArgs

bp = Blueprint("accounts", __name__)

SIGN_IN_PER_IP = "10 per minute"
SIGN_IN_FAILURES_PER_ACCOUNT = "5 per 15 minutes"
FORMS_PER_IP = "20 per hour"  # sign-up and reset requests
STAFF_PER_PAGE = 50

# The form field each error belongs to (the first one the form has); else the whole form.
ERROR_FIELDS: dict[AccountErrorCode, tuple[str, ...]] = {
    AccountErrorCode.INVALID_EMAIL: ("email",),
    AccountErrorCode.EMAIL_TAKEN: ("email",),
    AccountErrorCode.INVALID_PHONE: ("phone",),
    AccountErrorCode.PASSWORD_TOO_SHORT: ("password",),
    AccountErrorCode.PASSWORD_TOO_COMMON: ("password",),
    AccountErrorCode.WRONG_PASSWORD: ("current_password", "password"),
}


def _show_error(form: FlaskForm, error: AccountError) -> None:
    for name in ERROR_FIELDS.get(error.code, ()):
        if name in form:
            form[name].errors.append(error.message())
            return
    form.form_errors.append(error.message())


def _submitted_email() -> str:
    """The per-account sign-in counter's key, the same whether the account exists or not."""
    return "sign-in:" + email_key(request.form.get("email", ""))


def _sign_in_failed(response: Response) -> bool:
    return response.status_code != 302


@bp.route("/account/sign-up", methods=["GET", "POST"])
@limiter.limit(FORMS_PER_IP, methods=["POST"])
def sign_up() -> Response | str:
    form = SignUpForm()
    next_url = safe_next(request.args.get("next"))  # e.g. back to a shop's invitation
    if form.validate_on_submit():
        try:
            user = service.sign_up(
                email=form.email.data,
                password=form.password.data,
                name=form.name.data,
                locale=str(get_locale()),
            )
        except AccountError as error:
            _show_error(form, error)
        else:
            start_session(user)
            flash(_("Welcome to Chợ OCOP, %(name)s! Your account is ready.", name=user.name))
            return redirect(next_url or url_for("catalog.home"))
    return render_template("accounts/sign_up.html", form=form, next_url=next_url)


@bp.route("/account/sign-in", methods=["GET", "POST"])
@limiter.limit(SIGN_IN_PER_IP, methods=["POST"])
@limiter.limit(
    SIGN_IN_FAILURES_PER_ACCOUNT,
    methods=["POST"],
    key_func=_submitted_email,
    deduct_when=_sign_in_failed,
)
def sign_in() -> Response | str:
    form = SignInForm(next=safe_next(request.args.get("next")))
    if form.validate_on_submit():
        try:
            user = service.authenticate(email=form.email.data, password=form.password.data)
        except AccountError as error:
            _show_error(form, error)
        else:
            start_session(user)
            return redirect(safe_next(form.next.data) or url_for("accounts.profile"))
    return render_template("accounts/sign_in.html", form=form)


@bp.post("/account/sign-out")
def sign_out() -> Response:
    if current_user.is_authenticated:
        service.sign_out(signed_in_user())
    end_session()
    flash(_("You are signed out. See you soon!"))
    return redirect(url_for("catalog.home"))


@bp.route("/account/reset", methods=["GET", "POST"])
@limiter.limit(FORMS_PER_IP, methods=["POST"])
def reset_request() -> Response | str:
    form = ResetRequestForm()
    if form.validate_on_submit():
        service.request_password_reset(email=form.email.data, secret_key=current_app.secret_key)
        return render_template("accounts/reset_sent.html", email=form.email.data)
    return render_template("accounts/reset_request.html", form=form)


@bp.route("/account/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str) -> Response | str:
    form = ResetPasswordForm()
    try:
        service.user_for_reset_token(token, secret_key=current_app.secret_key)
        if form.validate_on_submit():
            service.reset_password(
                token=token, password=form.password.data, secret_key=current_app.secret_key
            )
            end_session()
            flash(_("Your new password is set. Sign in with it."))
            return redirect(url_for("accounts.sign_in"))
    except AccountError as error:
        if error.code is AccountErrorCode.INVALID_RESET_LINK:
            return render_template("accounts/reset_invalid.html", message=error.message())
        _show_error(form, error)
    return render_template("accounts/reset_password.html", form=form)


@bp.route("/account/", methods=["GET", "POST"])
@login_required
def profile() -> Response | str:
    user = signed_in_user()
    saved = {"name": user.name, "phone": display_phone(user.phone), "locale": user.locale}
    form = ProfileForm(data=None if request.method == "POST" else saved)
    if form.validate_on_submit():
        try:
            service.update_profile(
                user, name=form.name.data, phone=form.phone.data or "", locale=form.locale.data
            )
        except AccountError as error:
            _show_error(form, error)
        else:
            flash(_("Your details are saved."))
            # `?lang=` also switches the pages to the preferred language (see i18n.py).
            return redirect(url_for("accounts.profile", lang=user.locale))
    return render_template("accounts/profile.html", form=form, user=user)


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password() -> Response | str:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = signed_in_user()
        try:
            service.change_password(
                user, current_password=form.current_password.data, new_password=form.password.data
            )
        except AccountError as error:
            _show_error(form, error)
        else:
            start_session(user)
            flash(_("Your password is changed. Every other device has been signed out."))
            return redirect(url_for("accounts.profile"))
    return render_template("accounts/password.html", form=form)


@bp.route("/account/email", methods=["GET", "POST"])
@login_required
def email() -> Response | str:
    form = ChangeEmailForm()
    if form.validate_on_submit():
        user = signed_in_user()
        old_address = user.email
        try:
            service.change_email(user, password=form.password.data, new_email=form.email.data)
        except AccountError as error:
            _show_error(form, error)
        else:
            if user.email != old_address:
                flash(
                    _(
                        "Your e-mail address is now %(email)s. We sent a notice to %(old)s.",
                        email=user.email,
                        old=old_address,
                    )
                )
            return redirect(url_for("accounts.profile"))
    return render_template("accounts/email.html", form=form, user=signed_in_user())


@bp.get("/staff/users")
@role_required(Role.STAFF)
def staff_users() -> str:
    args = QueryArgs(request.args)
    query = args.text("q", max_length=100)
    role = args.choice("role", Role)
    state = args.choice("state", UserState)
    page = search_users(
        query=query,
        role=role,
        state=state,
        page=args.number("page", 1, 10_000) or 1,
        per_page=STAFF_PER_PAGE,
    )
    return render_template(
        "accounts/staff_users.html",
        page=page,
        query=query,
        role=role,
        state=state,
        me=signed_in_user(),
    )


def _staff_change(user_id: int, change: Callable[[User], None], done: str) -> Response:
    """Suspend or reinstate another user from the staff list, then go back to it."""
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    if user.id == signed_in_user().id:  # staff cannot lock themselves out
        abort(400)
    change(user)
    flash(done % {"email": user.email})
    return redirect(safe_next(request.form.get("next")) or url_for("accounts.staff_users"))


@bp.post("/staff/users/<int:user_id>/suspend")
@role_required(Role.STAFF)
def staff_suspend_user(user_id: int) -> Response:
    return _staff_change(
        user_id, service.suspend_user, _("%(email)s is suspended and signed out everywhere.")
    )


@bp.post("/staff/users/<int:user_id>/reinstate")
@role_required(Role.STAFF)
def staff_reinstate_user(user_id: int) -> Response:
    return _staff_change(user_id, service.reinstate_user, _("%(email)s may sign in again."))
