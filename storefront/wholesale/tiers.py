"""A producer's wholesale terms for a product or combo: the minimum order and the price
tiers, the rules they keep, and saving them.

The rules: at most MAX_TIERS tiers; each starts at more units than the one before and
not below the minimum order; each costs less per unit than the one before and than
retail. So a unit never costs more as a line grows, and within each tier the line's total
rises with its quantity (tests/wholesale/test_tier_pricing.py). At a tier's start the
total may drop (50 at 85.000 ₫ can cost less than 49 at 100.000 ₫): that is the saving
the cart offers ("order 50 for 85.000 ₫ each")."""

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError

from storefront.catalog.models import Product
from storefront.catalog.pricing import Tier
from storefront.combos.models import Combo
from storefront.extensions import db
from storefront.money import format_vnd
from storefront.wholesale.errors import ShopError, ShopErrorCode
from storefront.wholesale.models import WholesaleOffer, WholesaleTier

MAX_TIERS = 5
MAX_MINIMUM = 9_999  # the most a shop's cart line holds (cart.lines.WHOLESALE_LIMITS)


def check_tiers(retail_vnd: int, min_quantity: int, tiers: Sequence[Tier]) -> None:
    """Raise ShopError for the first rule the terms break; the tiers as given, in order."""
    if type(min_quantity) is not int or not 1 <= min_quantity <= MAX_MINIMUM:
        raise ShopError(ShopErrorCode.INVALID_MINIMUM, most=f"{MAX_MINIMUM:,}".replace(",", "."))
    if len(tiers) > MAX_TIERS:
        raise ShopError(ShopErrorCode.TOO_MANY_TIERS, most=MAX_TIERS)
    before = Tier(min_quantity - 1, retail_vnd)  # below the first tier a unit costs retail
    for tier in tiers:
        if tier.min_quantity < min_quantity:
            raise ShopError(ShopErrorCode.TIER_BELOW_MINIMUM, minimum=min_quantity)
        if tier.min_quantity > MAX_MINIMUM or tier.min_quantity <= before.min_quantity:
            raise ShopError(ShopErrorCode.TIER_QUANTITY_ORDER, quantity=tier.min_quantity)
        if tier.unit_price_vnd >= retail_vnd:
            raise ShopError(ShopErrorCode.TIER_NOT_BELOW_RETAIL, retail=format_vnd(retail_vnd))
        if tier.unit_price_vnd <= 0 or tier.unit_price_vnd >= before.unit_price_vnd:
            raise ShopError(
                ShopErrorCode.TIER_PRICE_ORDER,
                quantity=tier.min_quantity,
                before=format_vnd(before.unit_price_vnd),
            )
        before = tier


def offer_of(item: Product | Combo) -> WholesaleOffer | None:
    column = WholesaleOffer.product_id if isinstance(item, Product) else WholesaleOffer.combo_id
    return db.session.scalar(db.select(WholesaleOffer).where(column == item.id))


def save_terms(
    item: Product | Combo, *, retail_vnd: int, min_quantity: int, tiers: Sequence[Tier]
) -> WholesaleOffer:
    """Replace the item's wholesale terms with these, once check_tiers passes (it raises
    ShopError otherwise, and nothing changes). Flushes; the caller commits."""
    check_tiers(retail_vnd, min_quantity, tiers)
    offer = offer_of(item) or _new_offer(item)
    offer.min_quantity = min_quantity
    offer.tiers.clear()
    db.session.flush()  # the old tiers go first: a new one may start where an old one did
    offer.tiers = [
        WholesaleTier(min_quantity=t.min_quantity, unit_price_vnd=t.unit_price_vnd) for t in tiers
    ]
    db.session.flush()
    return offer


def _new_offer(item: Product | Combo) -> WholesaleOffer:
    """The item's offer row, made now; or, when another member of the producer made it
    at the same moment (the unique key refuses ours), theirs, which these terms replace.
    Nothing else is written before it in save_terms, so undoing the refused insert undoes
    only that."""
    kind = "product_id" if isinstance(item, Product) else "combo_id"
    db.session.add(WholesaleOffer(**{kind: item.id}))
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
    return offer_of(item)  # type: ignore[return-value]


def stop_selling_wholesale(item: Product | Combo) -> None:
    """Remove the item's wholesale terms: shops then buy it at retail. Flushes."""
    offer = offer_of(item)
    if offer is not None:
        db.session.delete(offer)
        db.session.flush()
