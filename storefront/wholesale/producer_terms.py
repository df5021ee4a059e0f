"""What the producer portal shows of a producer's wholesale terms: each of its products and
combos with its retail price and its terms, and one of them to edit. The rules the terms
keep, and saving them, are wholesale.tiers'."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload, selectinload

from storefront.cart.lines import ItemKind
from storefront.catalog.models import Product, ProductStatus
from storefront.combos.availability import combo_offer, offer_loading
from storefront.combos.models import Combo
from storefront.combos.publishing import find_own_combo
from storefront.extensions import db
from storefront.producers.models import Producer
from storefront.wholesale.models import WholesaleOffer


@dataclass(frozen=True)
class TermsRow:
    """A product or combo of the producer, as its wholesale price list shows it."""

    kind: ItemKind
    item: Product | Combo
    retail_vnd: int
    offer: WholesaleOffer | None  # None: sold at retail only

    @property
    def above_retail(self) -> bool:
        """A tier no longer below retail (retail was lowered since): shops pay retail there."""
        return self.offer is not None and any(
            tier.unit_price_vnd >= self.retail_vnd for tier in self.offer.tiers
        )


def retail_of(item: Product | Combo, *, today: date) -> int:
    """The retail price the tiers must stay below: a combo's as shoppers are offered it today.
    A combo needs its components, products and packaging loaded (combos.publishing)."""
    if isinstance(item, Product):
        return item.price_vnd
    return combo_offer(item, today=today).price_vnd


def own_price_list(producer: Producer, *, today: date) -> list[TermsRow]:
    """The producer's products (archived last) then its own combos, each with its retail
    price and wholesale terms: six queries at most, whatever their number."""
    products = list(
        db.session.scalars(
            select(Product)
            .where(Product.producer_id == producer.id)
            .order_by(Product.status == ProductStatus.ARCHIVED, Product.name, Product.id)
        )
    )
    combos = list(
        db.session.scalars(
            select(Combo)
            .where(Combo.owner_id == producer.id)
            .order_by(Combo.name, Combo.id)
            .options(*offer_loading(), joinedload(Combo.owner))
        ).unique()
    )
    offers = _offers(products=[p.id for p in products], combos=[c.id for c in combos])
    return [
        TermsRow(ItemKind.PRODUCT, p, p.price_vnd, offers.get((ItemKind.PRODUCT, p.id)))
        for p in products
    ] + [
        TermsRow(ItemKind.COMBO, c, retail_of(c, today=today), offers.get((ItemKind.COMBO, c.id)))
        for c in combos
    ]


def _offers(
    *, products: list[int], combos: list[int]
) -> dict[tuple[ItemKind, int], WholesaleOffer]:
    """The wholesale offers of these items, with their tiers, by (kind, id): two queries."""
    found: dict[tuple[ItemKind, int], WholesaleOffer] = {}
    if not products and not combos:
        return found
    offers = db.session.scalars(
        select(WholesaleOffer)
        .where(or_(WholesaleOffer.product_id.in_(products), WholesaleOffer.combo_id.in_(combos)))
        .options(selectinload(WholesaleOffer.tiers))
    )
    for offer in offers:
        if offer.product_id is not None:
            found[(ItemKind.PRODUCT, offer.product_id)] = offer
        elif offer.combo_id is not None:
            found[(ItemKind.COMBO, offer.combo_id)] = offer
    return found


def find_own_item(producer: Producer, kind: ItemKind, item_id: int) -> Product | Combo | None:
    """The producer's product, or own combo (loaded for its price), with this id; None for
    another producer's or none."""
    if kind is ItemKind.COMBO:
        return find_own_combo(producer, item_id)
    return db.session.scalar(
        select(Product).where(Product.id == item_id, Product.producer_id == producer.id)
    )
