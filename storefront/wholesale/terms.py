"""Payment terms for approved shops: how many days after an order its invoice is due, and
how much the shop may owe at once (its credit limit, in whole đồng)."""

from datetime import datetime

from storefront.accounts.models import User
from storefront.extensions import db
from storefront.wholesale.errors import ShopError, ShopErrorCode
from storefront.wholesale.models import Shop, ShopStatus

# Days after the order an invoice is due; 0 means the shop pays before shipping.
PAYMENT_TERMS_DAYS: tuple[int, ...] = (0, 15, 30, 45, 60)
MAX_CREDIT_LIMIT_VND = 10_000_000_000


def grant_terms(
    shop: Shop,
    *,
    staff: User,
    payment_terms_days: int,
    credit_limit_vnd: int,
    now: datetime,
) -> None:
    """Give an approved shop its payment terms and credit limit, replacing any before, and
    record who set them and when (`now`, naive UTC).

    Raises ShopError NOT_APPROVED (the shop is pending or rejected), INVALID_TERMS,
    INVALID_CREDIT_LIMIT; nothing is changed then.
    """
    if shop.status is not ShopStatus.APPROVED:
        raise ShopError(ShopErrorCode.NOT_APPROVED)
    # bool is an int: True must not pass for 1 day or 1 đồng.
    if type(payment_terms_days) is not int or payment_terms_days not in PAYMENT_TERMS_DAYS:
        raise ShopError(ShopErrorCode.INVALID_TERMS)
    if type(credit_limit_vnd) is not int or not 0 <= credit_limit_vnd <= MAX_CREDIT_LIMIT_VND:
        raise ShopError(ShopErrorCode.INVALID_CREDIT_LIMIT)
    shop.payment_terms_days = payment_terms_days
    shop.credit_limit_vnd = credit_limit_vnd
    shop.terms_set_by_id = staff.id
    shop.terms_set_at = now
    db.session.commit()
