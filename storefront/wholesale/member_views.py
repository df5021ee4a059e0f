"""Shop members' pages: the list of a shop's members (/wholesale/members), where the owner
invites people, revokes invitations and removes members; and the page the invitation mail
links to (/wholesale/invitations/<token>), where the invited person joins the shop."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from storefront.accounts.access import role_required, signed_in_user
from storefront.accounts.models import Role, User
from storefront.clock import utcnow
from storefront.extensions import limiter
from storefront.wholesale import members
from storefront.wholesale.errors import ShopError, ShopErrorCode
from storefront.wholesale.member_forms import InviteForm
from storefront.wholesale.models import Shop, ShopInvitation
from storefront.wholesale.views import bp

INVITES_PER_IP = "30 per hour"  # each one sends a mail


def _member() -> tuple[User, Shop]:
    """The signed-in member and their approved shop, else 403."""
    user = signed_in_user()
    shop = members.shop_of(user)
    if shop is None:
        abort(403)
    return user, shop


def _owner() -> tuple[User, Shop]:
    """The signed-in owner and their approved shop, else 403."""
    user = signed_in_user()
    try:
        return user, members.owned_shop(user)
    except ShopError:
        abort(403)


def _members_page(
    user: User, shop: Shop, *, form: InviteForm | None = None, problem: str | None = None
) -> str:
    owner = members.is_owner(user, shop)
    return render_template(
        "wholesale/members.html",
        shop=shop,
        members=members.members_of(shop),
        is_owner=owner,
        invitations=members.open_invitations(shop, now=utcnow()) if owner else [],
        form=form or InviteForm(formdata=None),
        problem=problem,
        max_members=members.MAX_MEMBERS,
    )


@bp.get("/wholesale/members")
@role_required(Role.SHOP)
def members_list() -> str:
    return _members_page(*_member())


@bp.post("/wholesale/members/invite")
@limiter.limit(INVITES_PER_IP)
@role_required(Role.SHOP)
def invite_member() -> Response | tuple[str, int]:
    user, shop = _owner()
    form = InviteForm()
    if form.validate_on_submit():
        try:
            invitation = members.invite(owner=user, email=form.email.data, now=utcnow())
        except ShopError as error:
            if error.code is ShopErrorCode.TOO_MANY_MEMBERS:
                form.form_errors.append(error.message())
            else:
                form.email.errors.append(error.message())
        else:
            flash(_("We e-mailed an invitation to %(email)s.", email=invitation.email))
            return redirect(url_for("wholesale.members_list"))
    return _members_page(user, shop, form=form), 400


@bp.post("/wholesale/invitations/<int:invitation_id>/revoke")
@role_required(Role.SHOP)
def revoke_invitation(invitation_id: int) -> Response:
    user, shop = _owner()
    invitation = members.invitation_of(shop, invitation_id)
    if invitation is None:
        abort(404)
    if members.revoke_invitation(invitation, owner=user, now=utcnow()):
        flash(
            _(
                "The invitation to %(email)s is revoked: its link no longer works.",
                email=invitation.email,
            )
        )
    else:
        flash(_("The invitation to %(email)s was used or revoked already.", email=invitation.email))
    return redirect(url_for("wholesale.members_list"))


@bp.post("/wholesale/members/<int:user_id>/remove")
@role_required(Role.SHOP)
def remove_member(user_id: int) -> Response | tuple[str, int]:
    user, shop = _owner()
    member = members.member_of(shop, user_id)
    if member is None:
        abort(404)
    try:
        members.remove_member(member, owner=user)
    except ShopError as error:
        return _members_page(user, shop, problem=error.message()), 400
    flash(
        _(
            "%(name)s is no longer a member of %(shop)s.",
            name=member.name or member.email,
            shop=shop.name,
        )
    )
    return redirect(url_for("wholesale.members_list"))


def _invitation_page(
    token: str,
    invitation: ShopInvitation | None,
    *,
    problem: str | None = None,
    status: int = 200,
) -> tuple[Response, int]:
    page = render_template(
        "wholesale/invitation.html", token=token, invitation=invitation, problem=problem
    )
    response = Response(page, mimetype="text/html")
    # The address carries the secret token: other sites must not see it in a Referer.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response, status


def _invalid_invitation(token: str, error: ShopError) -> tuple[Response, int]:
    """The page for a link that does not work (any more), as a 404 that says why."""
    return _invitation_page(token, None, problem=error.message(), status=404)


@bp.get("/wholesale/invitations/<token>")
def invitation(token: str) -> tuple[Response, int]:
    now = utcnow()
    try:
        invitation = members.open_invitation(token, now=now)
    except ShopError as error:
        return _invalid_invitation(token, error)
    problem = None
    if current_user.is_authenticated:
        try:
            members.check_may_accept(invitation, user=signed_in_user())
        except ShopError as error:
            problem = error.message()
    return _invitation_page(token, invitation, problem=problem)


@bp.post("/wholesale/invitations/<token>/accept")
def accept_invitation(token: str) -> Response | tuple[Response, int]:
    if not current_user.is_authenticated:
        return redirect(
            url_for("accounts.sign_in", next=url_for("wholesale.invitation", token=token))
        )
    user = signed_in_user()
    try:
        shop = members.accept_invitation(token, user=user, now=utcnow())
    except ShopError as error:
        if error.code is ShopErrorCode.INVITATION_INVALID:
            return _invalid_invitation(token, error)
        refused = error
    else:
        flash(_("Welcome to %(shop)s! You now see its wholesale prices.", shop=shop.name))
        return redirect(url_for("wholesale.members_list"))
    try:
        invitation = members.open_invitation(token, now=utcnow())
    except ShopError as error:  # used or revoked meanwhile
        return _invalid_invitation(token, error)
    return _invitation_page(token, invitation, problem=refused.message(), status=400)
