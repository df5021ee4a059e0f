"""Shop members: the owner (who applied for the shop) invites people by e-mail, they join
with the link in the mail, and the owner may remove them again.

The mail carries a random token; only its sha256 is stored, so the table alone cannot be
used to join. A shop has at most MAX_MEMBERS members and open invitations together.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, case, func, select, update
from sqlalchemy.orm import selectinload

from storefront.accounts.contact import normalize_email
from storefront.accounts.errors import InvalidEmail
from storefront.accounts.models import Role, User
from storefront.extensions import db
from storefront.mail.outbox import queue_mail
from storefront.wholesale.errors import ShopError, ShopErrorCode
from storefront.wholesale.models import Shop, ShopInvitation, ShopStatus

MAX_MEMBERS = 20  # members and open invitations together, the owner included
INVITATION_DAYS = 7
# token_urlsafe(32) gives 43 characters; anything much longer is not one of ours.
TOKEN_MAX_LENGTH = 100


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def shop_of(user: User) -> Shop | None:
    """The approved shop `user` is a member of, else None."""
    if user.role is not Role.SHOP or user.shop_id is None:
        return None
    shop = db.session.get(Shop, user.shop_id)
    return shop if shop is not None and shop.status is ShopStatus.APPROVED else None


def is_owner(user: User, shop: Shop) -> bool:
    return shop.owner_id is not None and shop.owner_id == user.id


def owned_shop(user: User) -> Shop:
    """The approved shop `user` owns. Raises ShopError(NOT_SHOP_OWNER) for anyone else."""
    shop = shop_of(user)
    if shop is None or not is_owner(user, shop):
        raise ShopError(ShopErrorCode.NOT_SHOP_OWNER)
    return shop


def members_of(shop: Shop) -> list[User]:
    """The shop's members, the owner first, then by name."""
    owner_first = case((User.id == shop.owner_id, 0), else_=1)
    return list(
        db.session.scalars(
            select(User).where(User.shop_id == shop.id).order_by(owner_first, User.name, User.id)
        )
    )


def _open(now: datetime) -> tuple[ColumnElement[bool], ...]:
    """The SQL conditions of an invitation that may still be used."""
    return (
        ShopInvitation.accepted_at.is_(None),
        ShopInvitation.revoked_at.is_(None),
        ShopInvitation.expires_at > now,
    )


def open_invitations(shop: Shop, *, now: datetime) -> list[ShopInvitation]:
    """Invitations of the shop not yet used, revoked or expired, oldest first."""
    return list(
        db.session.scalars(
            select(ShopInvitation)
            .where(ShopInvitation.shop_id == shop.id, *_open(now))
            .order_by(ShopInvitation.created_at, ShopInvitation.id)
        )
    )


def invitation_of(shop: Shop, invitation_id: int) -> ShopInvitation | None:
    """The shop's invitation with this id; None when there is none or it is another shop's."""
    invitation = db.session.get(ShopInvitation, invitation_id)
    return invitation if invitation is not None and invitation.shop_id == shop.id else None


def member_of(shop: Shop, user_id: int) -> User | None:
    """The shop's member with this id; None when there is none or they are not its member."""
    user = db.session.get(User, user_id)
    return user if user is not None and user.shop_id == shop.id else None


def _applied_for_a_shop(user: User) -> bool:
    return db.session.scalar(select(Shop.id).where(Shop.applicant_id == user.id)) is not None


def may_join(user: User) -> bool:
    """Only a plain shopper may join a shop: not staff, not a producer member, not a member
    of a shop, and not someone who applied for a shop of their own (whatever its status)."""
    return (
        user.role is Role.SHOPPER
        and user.shop_id is None
        and user.producer_id is None
        and not _applied_for_a_shop(user)
    )


def _headcount(shop: Shop, *, now: datetime) -> int:
    members = db.session.scalar(select(func.count(User.id)).where(User.shop_id == shop.id))
    invited = db.session.scalar(
        select(func.count(ShopInvitation.id)).where(ShopInvitation.shop_id == shop.id, *_open(now))
    )
    return (members or 0) + (invited or 0)


def invite(*, owner: User, email: str, now: datetime) -> ShopInvitation:
    """Invite `email` into the shop `owner` owns and mail them the link to join, in their
    language if they have an account, else in the owner's. Commits.

    Raises ShopError: NOT_SHOP_OWNER, INVALID_EMAIL, ALREADY_MEMBER, CANNOT_BE_INVITED,
    ALREADY_INVITED, TOO_MANY_MEMBERS; nothing is stored or sent then.
    """
    shop = owned_shop(owner)
    try:
        address = normalize_email(email)
    except InvalidEmail as error:
        raise ShopError(ShopErrorCode.INVALID_EMAIL) from error
    invitee = db.session.scalar(select(User).where(User.email == address))
    if invitee is not None:
        if invitee.shop_id == shop.id:
            raise ShopError(ShopErrorCode.ALREADY_MEMBER, email=address)
        if not may_join(invitee):
            raise ShopError(ShopErrorCode.CANNOT_BE_INVITED, email=address)
    already = db.session.scalar(
        select(ShopInvitation.id).where(
            ShopInvitation.shop_id == shop.id, ShopInvitation.email == address, *_open(now)
        )
    )
    if already is not None:
        raise ShopError(ShopErrorCode.ALREADY_INVITED, email=address)
    if _headcount(shop, now=now) >= MAX_MEMBERS:
        raise ShopError(ShopErrorCode.TOO_MANY_MEMBERS, most=MAX_MEMBERS)

    token = secrets.token_urlsafe(32)
    invitation = ShopInvitation(
        shop_id=shop.id,
        email=address,
        token_hash=token_hash(token),
        invited_by_id=owner.id,
        created_at=now,
        expires_at=now + timedelta(days=INVITATION_DAYS),
    )
    db.session.add(invitation)
    queue_mail(
        to=address,
        template="shop_invitation",
        locale=invitee.locale if invitee is not None else owner.locale,
        name=invitee.name if invitee is not None else "",
        inviter_name=owner.name or owner.email,
        shop_name=shop.name,
        token=token,
        expires_at=invitation.expires_at,
    )
    db.session.commit()
    return invitation


def open_invitation(token: str, *, now: datetime) -> ShopInvitation:
    """The invitation the link's token stands for, while it may still be used.

    Raises ShopError(INVITATION_INVALID): unknown, expired, revoked or used already.
    """
    if not token or len(token) > TOKEN_MAX_LENGTH:
        raise ShopError(ShopErrorCode.INVITATION_INVALID)
    invitation = db.session.scalar(
        select(ShopInvitation)
        .options(selectinload(ShopInvitation.shop), selectinload(ShopInvitation.invited_by))
        .where(ShopInvitation.token_hash == token_hash(token), *_open(now))
    )
    if invitation is None or invitation.shop.status is not ShopStatus.APPROVED:
        raise ShopError(ShopErrorCode.INVITATION_INVALID)
    return invitation


def check_may_accept(invitation: ShopInvitation, *, user: User) -> None:
    """Raises ShopError: INVITATION_FOR_ANOTHER_EMAIL (the invitation names another
    address), ALREADY_MEMBER (of this shop), CANNOT_JOIN (see may_join)."""
    if user.email.lower() != invitation.email.lower():
        raise ShopError(ShopErrorCode.INVITATION_FOR_ANOTHER_EMAIL, email=user.email)
    if user.shop_id == invitation.shop_id:
        raise ShopError(ShopErrorCode.ALREADY_MEMBER, email=user.email)
    if not may_join(user):
        raise ShopError(ShopErrorCode.CANNOT_JOIN)


def accept_invitation(token: str, *, user: User, now: datetime) -> Shop:
    """`user` joins the shop the invitation is for, and the invitation is used up; both in
    one transaction, which commits. A token works once, also when two accepts race.

    Raises ShopError: INVITATION_INVALID, INVITATION_FOR_ANOTHER_EMAIL, ALREADY_MEMBER,
    CANNOT_JOIN; nothing is changed then.
    """
    invitation = open_invitation(token, now=now)
    check_may_accept(invitation, user=user)
    shop = invitation.shop
    # Both conditional in the database: of two accepts at once only one finds the
    # invitation unused, and a user joins one shop only.
    used = db.session.execute(
        update(ShopInvitation)
        .where(ShopInvitation.id == invitation.id, *_open(now))
        .values(accepted_at=now, accepted_by_id=user.id)
        .execution_options(synchronize_session=False)
    )
    if used.rowcount != 1:
        db.session.rollback()
        raise ShopError(ShopErrorCode.INVITATION_INVALID)
    joined = db.session.execute(
        update(User)
        .where(
            User.id == user.id,
            User.role == Role.SHOPPER,
            User.shop_id.is_(None),
            User.producer_id.is_(None),
        )
        .values(role=Role.SHOP, shop_id=shop.id)
        .execution_options(synchronize_session=False)
    )
    if joined.rowcount != 1:
        db.session.rollback()
        raise ShopError(ShopErrorCode.CANNOT_JOIN)
    db.session.commit()
    return shop


def revoke_invitation(invitation: ShopInvitation, *, owner: User, now: datetime) -> bool:
    """Revoke an unused invitation of the owner's shop; False when it was used or revoked
    already (nothing changes then). Commits.

    Raises ShopError(NOT_SHOP_OWNER) unless `owner` owns the invitation's shop.
    """
    shop = owned_shop(owner)
    if invitation.shop_id != shop.id:
        raise ShopError(ShopErrorCode.NOT_SHOP_OWNER)
    revoked = db.session.execute(
        update(ShopInvitation)
        .where(
            ShopInvitation.id == invitation.id,
            ShopInvitation.accepted_at.is_(None),
            ShopInvitation.revoked_at.is_(None),
        )
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return revoked.rowcount == 1


def remove_member(member: User, *, owner: User) -> None:
    """`member` leaves the owner's shop and shops at retail prices again; their cart stays.
    Commits.

    Raises ShopError: NOT_SHOP_OWNER (not the owner, or not a member of their shop),
    OWNER_CANNOT_BE_REMOVED.
    """
    shop = owned_shop(owner)
    if member.shop_id != shop.id:
        raise ShopError(ShopErrorCode.NOT_SHOP_OWNER)
    if member.id == shop.owner_id:
        raise ShopError(ShopErrorCode.OWNER_CANNOT_BE_REMOVED)
    member.role = Role.SHOPPER
    member.shop_id = None
    db.session.commit()
