"""Staff decisions about shop applications: approve or reject.

Each decision moves a pending shop to approved or rejected, records who took it, when and
why, mails the applicant in their language, and commits once.
"""

from sqlalchemy import case, select, update
from sqlalchemy.orm import selectinload

from storefront.accounts.models import Role, User
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.mail.outbox import queue_mail
from storefront.wholesale.errors import InvalidTransition, ShopError, ShopErrorCode
from storefront.wholesale.models import Shop, ShopStatus


def applications(limit: int = 200) -> list[Shop]:
    """Pending applications first (oldest first), then the decided ones (latest first)."""
    pending_first = case((Shop.status == ShopStatus.PENDING, 0), else_=1)
    return list(
        db.session.scalars(
            select(Shop)
            .options(
                selectinload(Shop.applicant),
                selectinload(Shop.decided_by),
                selectinload(Shop.terms_set_by),
            )
            .order_by(
                pending_first,
                case((Shop.status == ShopStatus.PENDING, Shop.id), else_=-Shop.id),
            )
            .limit(limit)
        )
    )


def _decide(shop: Shop, to: ShopStatus, *, staff: User, reason: str) -> None:
    """Move a pending shop to `to`. Raises InvalidTransition when it is not pending, also
    when another staff member decided first."""
    # Conditional in the database, so two decisions at once cannot both apply.
    changed = db.session.execute(
        update(Shop)
        .where(Shop.id == shop.id, Shop.status == ShopStatus.PENDING)
        .values(
            status=to, decided_by_id=staff.id, decided_at=utcnow(), decision_reason=reason.strip()
        )
    )
    if changed.rowcount != 1:
        raise InvalidTransition()
    db.session.refresh(shop)


def approve_application(shop: Shop, *, staff: User, note: str = "") -> None:
    """The shop may buy wholesale; its applicant gets the shop role and the shop.

    Raises InvalidTransition unless the application is pending.
    """
    _decide(shop, ShopStatus.APPROVED, staff=staff, reason=note)
    applicant = shop.applicant
    if applicant is not None:
        if applicant.role in (Role.SHOPPER, Role.SHOP) and applicant.producer_id is None:
            applicant.role = Role.SHOP
            applicant.shop_id = shop.id
        queue_mail(
            to=applicant.email,
            template="shop_approved",
            locale=applicant.locale,
            name=applicant.name,
            shop_name=shop.name,
            note=shop.decision_reason,
        )
    db.session.commit()


def reject_application(shop: Shop, *, staff: User, reason: str) -> None:
    """Refuse an application; the applicant is told why.

    Raises ShopError(REASON_REQUIRED), InvalidTransition unless it is pending.
    """
    if not reason.strip():
        raise ShopError(ShopErrorCode.REASON_REQUIRED)
    _decide(shop, ShopStatus.REJECTED, staff=staff, reason=reason)
    applicant = shop.applicant
    if applicant is not None:
        queue_mail(
            to=applicant.email,
            template="shop_rejected",
            locale=applicant.locale,
            name=applicant.name,
            shop_name=shop.name,
            reason=shop.decision_reason,
        )
    db.session.commit()
