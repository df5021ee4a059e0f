"""Approved shops, their members and wholesale terms, made directly in the database for
tests that start after staff approved a shop (test_apply and test_review go through the
forms)."""

from collections.abc import Sequence

from storefront.accounts.models import Role, User
from storefront.catalog.models import Product
from storefront.catalog.pricing import Tier
from storefront.clock import today_in_vietnam
from storefront.combos.availability import combo_offer
from storefront.combos.models import Combo
from storefront.extensions import db
from storefront.wholesale.models import Shop, ShopKind, ShopStatus, WholesaleOffer
from storefront.wholesale.tiers import save_terms
from tests.factories import CAN_THO, VI_THANH_WARD, UserFactory

_tax_codes = iter(range(310_000_000, 399_999_999, 7))


def approved_shop(
    owner: User | None = None,
    *,
    name: str = "Công ty TNHH Quà Quê",
    terms_days: int | None = 30,
    credit_limit_vnd: int | None = 50_000_000,
    status: ShopStatus = ShopStatus.APPROVED,
) -> Shop:
    """A shop (approved unless `status` says otherwise) whose owner is `owner` (a new
    user if None), a SHOP member once approved. Flushed, not committed."""
    owner = owner or UserFactory()
    shop = Shop(
        name=name,
        tax_code=f"0{next(_tax_codes)}",
        kind=ShopKind.SOUVENIR_SHOP,
        province_code=CAN_THO,
        ward_code=VI_THANH_WARD,
        address="5 Hai Bà Trưng",
        contact_name="Nguyễn Thị Lan",
        contact_phone="+84912345678",
        status=status,
        applicant_id=owner.id,
        payment_terms_days=terms_days,
        credit_limit_vnd=credit_limit_vnd,
    )
    db.session.add(shop)
    db.session.flush()
    if status is ShopStatus.APPROVED:
        owner.role, owner.shop_id = Role.SHOP, shop.id
    db.session.flush()
    return shop


def shop_member(shop: Shop) -> User:
    """Another member of the shop (as an accepted invitation makes one). Flushed."""
    user = UserFactory(role=Role.SHOP, shop_id=shop.id)
    db.session.flush()
    return user


def wholesale(
    item: Product | Combo, tiers: Sequence[tuple[int, int]] = (), *, minimum: int = 1
) -> WholesaleOffer:
    """Give the item wholesale terms: `tiers` as (from quantity, unit price) pairs, checked
    by the same rules as the producer's form. Flushed."""
    retail = (
        item.price_vnd
        if isinstance(item, Product)
        else combo_offer(item, today=today_in_vietnam()).price_vnd
    )
    return save_terms(
        item,
        retail_vnd=retail,
        min_quantity=minimum,
        tiers=[Tier(quantity, price) for quantity, price in tiers],
    )
