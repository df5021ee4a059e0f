"""Whose prices a request sees: retail for everyone, and for the members of an approved
shop the producers' wholesale terms as well. Every price then comes from
catalog.pricing.unit_price, given the tiers this list holds for the item (none for retail).

A retail price list never reads the wholesale tables, so no retail page can show a tier.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from flask import g
from flask_login import current_user
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from storefront.accounts.models import Role, User
from storefront.cart.lines import RETAIL_LIMITS, WHOLESALE_LIMITS, CartLimits, ItemKind
from storefront.catalog.pricing import Tier, next_tier, unit_price
from storefront.extensions import db
from storefront.wholesale.models import Shop, ShopStatus, WholesaleOffer


@dataclass(frozen=True)
class WholesaleTerms:
    """An item's terms as a shop sees them: the fewest units per order, and the tiers."""

    min_quantity: int
    tiers: tuple[Tier, ...]
    quoted_vnd: int | None = None  # a price agreed in a quote, for whatever quantity

    def price(self, retail_vnd: int, quantity: int) -> int:
        if self.quoted_vnd is not None:
            return self.quoted_vnd
        return unit_price(retail_vnd, self.tiers, quantity)

    def next_tier(self, retail_vnd: int, quantity: int) -> Tier | None:
        return next_tier(retail_vnd, self.tiers, quantity)

    def table(self, retail_vnd: int) -> list[Tier]:
        """Each tier as unit_price prices it, the first row from the minimum order."""
        starts = sorted({self.min_quantity, *(t.min_quantity for t in self.tiers)})
        rows = [Tier(start, self.price(retail_vnd, start)) for start in starts]
        return [
            row
            for i, row in enumerate(rows)
            if i == 0 or row.unit_price_vnd < rows[i - 1].unit_price_vnd
        ]


class PriceList:
    """The terms this buyer sees, loaded for the items asked about in one go (two queries
    for a shop; none for retail)."""

    def __init__(self, shop: Shop | None = None) -> None:
        self.shop = shop
        self._terms: dict[tuple[ItemKind, int], WholesaleTerms | None] = {}

    @classmethod
    def quoted(cls, shop: Shop, prices: dict[tuple[ItemKind, int], int]) -> "PriceList":
        """The shop's list for an accepted quote: each item at the price agreed for it,
        with no minimum (the producer agreed to the quantity)."""
        price_list = cls(shop)
        price_list._terms = {
            key: WholesaleTerms(1, (), quoted_vnd=price) for key, price in prices.items()
        }
        return price_list

    @property
    def wholesale(self) -> bool:
        return self.shop is not None

    @property
    def limits(self) -> CartLimits:
        return WHOLESALE_LIMITS if self.wholesale else RETAIL_LIMITS

    def load(self, *, products: Iterable[int] = (), combos: Iterable[int] = ()) -> None:
        """Read the terms of these items, once each; nothing for a retail buyer."""
        if not self.wholesale:
            return
        wanted = {(ItemKind.PRODUCT, i) for i in products} | {(ItemKind.COMBO, i) for i in combos}
        wanted -= self._terms.keys()
        if not wanted:
            return
        product_ids = [i for kind, i in wanted if kind is ItemKind.PRODUCT]
        combo_ids = [i for kind, i in wanted if kind is ItemKind.COMBO]
        offers = db.session.scalars(
            select(WholesaleOffer)
            .where(
                or_(
                    WholesaleOffer.product_id.in_(product_ids),
                    WholesaleOffer.combo_id.in_(combo_ids),
                )
            )
            .options(selectinload(WholesaleOffer.tiers))
        )
        self._terms.update(dict.fromkeys(wanted))
        for offer in offers:
            key = (
                (ItemKind.PRODUCT, offer.product_id)
                if offer.product_id is not None
                else (ItemKind.COMBO, offer.combo_id)
            )
            tiers = tuple(Tier(t.min_quantity, t.unit_price_vnd) for t in offer.tiers)
            self._terms[key] = WholesaleTerms(offer.min_quantity, tiers)  # type: ignore[index]

    def terms(self, kind: ItemKind, item_id: int) -> WholesaleTerms | None:
        """The item's wholesale terms for this shop; None for retail or an item without."""
        if not self.wholesale:
            return None
        if (kind, item_id) not in self._terms:
            self.load(**{"products" if kind is ItemKind.PRODUCT else "combos": [item_id]})
        return self._terms[(kind, item_id)]


RETAIL = PriceList()


def price_list_for(user: User | None) -> PriceList:
    """A member of an approved shop sees its wholesale terms; everyone else, retail."""
    if user is None or user.role is not Role.SHOP or user.shop_id is None:
        return RETAIL
    shop = db.session.get(Shop, user.shop_id)
    return PriceList(shop) if shop is not None and shop.status is ShopStatus.APPROVED else RETAIL


def current_price_list() -> PriceList:
    """The price list of whoever makes this request, made once per request."""
    if "price_list" not in g:
        user = current_user if current_user.is_authenticated else None
        g.price_list = price_list_for(user)  # type: ignore[arg-type]
    return g.price_list
