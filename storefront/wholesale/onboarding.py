"""Applying for a shop account: a signed-in shopper submits their shop, which waits for staff.

The applicant gets the shop role, and the shop, only when staff approve it (see review.py).
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storefront.accounts.contact import normalize_phone
from storefront.accounts.errors import InvalidPhone
from storefront.accounts.models import Role, User
from storefront.extensions import db
from storefront.producers.errors import ProducerError, ProducerErrorCode
from storefront.producers.places import check_locality
from storefront.producers.tax_codes import normalize_tax_code
from storefront.wholesale.errors import ShopError, ShopErrorCode
from storefront.wholesale.models import Shop, ShopKind, ShopStatus

# The producers' checks of a tax code and a place, said in wholesale terms.
_PLACE_ERRORS = {
    ProducerErrorCode.INVALID_TAX_CODE: ShopErrorCode.INVALID_TAX_CODE,
    ProducerErrorCode.UNKNOWN_PROVINCE: ShopErrorCode.UNKNOWN_PROVINCE,
    ProducerErrorCode.WARD_NOT_IN_PROVINCE: ShopErrorCode.WARD_NOT_IN_PROVINCE,
}


@dataclass(frozen=True)
class ShopApplication:
    """What an applicant fills in; checked and normalised by submit_application."""

    name: str
    kind: ShopKind
    tax_code: str
    province_code: int
    ward_code: int
    address: str
    contact_name: str
    contact_phone: str


def application_of(user: User) -> Shop | None:
    """The shop the user applied for (whatever its status), else the shop they belong to."""
    shop = db.session.scalar(select(Shop).where(Shop.applicant_id == user.id))
    if shop is None and user.shop_id is not None:
        shop = db.session.get(Shop, user.shop_id)
    return shop


def may_apply(user: User) -> bool:
    """Shoppers (and shop-role users) may; producer members and staff may not."""
    return user.role in (Role.SHOPPER, Role.SHOP) and user.producer_id is None


def _tax_code_taken(tax_code: str) -> bool:
    return db.session.scalar(select(Shop.id).where(Shop.tax_code == tax_code).limit(1)) is not None


def submit_application(application: ShopApplication, *, applicant: User) -> Shop:
    """A pending shop applied for by `applicant`. Nothing is stored when anything is refused.

    Raises ShopError (NOT_ALLOWED, ALREADY_APPLIED, INVALID_TAX_CODE, TAX_CODE_TAKEN,
    UNKNOWN_PROVINCE, WARD_NOT_IN_PROVINCE, INVALID_PHONE).
    """
    if not may_apply(applicant):
        raise ShopError(ShopErrorCode.NOT_ALLOWED)
    if application_of(applicant) is not None:
        raise ShopError(ShopErrorCode.ALREADY_APPLIED)
    try:
        tax_code = normalize_tax_code(application.tax_code)
        check_locality(application.province_code, application.ward_code)
    except ProducerError as error:
        raise ShopError(_PLACE_ERRORS[error.code]) from error
    try:
        phone = normalize_phone(application.contact_phone)
    except InvalidPhone as error:
        raise ShopError(ShopErrorCode.INVALID_PHONE) from error
    if phone is None:
        raise ShopError(ShopErrorCode.INVALID_PHONE)
    if _tax_code_taken(tax_code):
        raise ShopError(ShopErrorCode.TAX_CODE_TAKEN)

    shop = Shop(
        name=application.name.strip(),
        kind=application.kind,
        tax_code=tax_code,
        province_code=application.province_code,
        ward_code=application.ward_code,
        address=application.address.strip(),
        contact_name=application.contact_name.strip(),
        contact_phone=phone,
        status=ShopStatus.PENDING,
        applicant=applicant,
    )
    db.session.add(shop)
    try:
        db.session.commit()
    except IntegrityError as error:  # the same tax code, or this user, applied meanwhile
        db.session.rollback()
        if application_of(applicant) is not None:
            raise ShopError(ShopErrorCode.ALREADY_APPLIED) from error
        raise ShopError(ShopErrorCode.TAX_CODE_TAKEN) from error
    return shop
