"""A cart priced from the database, as it is now: every line's price, what keeps a line from
being bought, and what the whole cart needs from stock. Cart, checkout and order placement
ask this one function; it asks catalog.pricing and combos.availability for each item, and
the buyer's price list (wholesale.price_list) for a shop's tiers and minimum orders."""

import enum
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from storefront.cart.lines import ItemKind, LineKey, Lines
from storefront.catalog.models import Product
from storefront.catalog.pricing import Tier, Unavailable, offer_for
from storefront.combos.availability import (
    ComboOffer,
    ComboUnavailable,
    ComponentProblem,
    combo_offer,
    offer_loading,
)
from storefront.combos.models import Combo, PackagingItem, PackagingKind
from storefront.extensions import db
from storefront.producers.models import Producer
from storefront.wholesale.price_list import RETAIL, PriceList, WholesaleTerms


class LineProblem(enum.StrEnum):
    """Why a line cannot be bought as it is; the values are the codes the API reports."""

    NO_LONGER_SOLD = "no_longer_sold"
    NOT_CERTIFIED = "not_certified"
    CERTIFICATE_EXPIRED = "certificate_expired"
    SOLD_OUT = "sold_out"
    ONLY_FEW_LEFT = "only_few_left"  # fewer than the line's quantity: see `available`
    PACKAGING_UNAVAILABLE = "packaging_unavailable"
    WRAP_UNAVAILABLE = "wrap_unavailable"
    SHORT_IN_CART = "short_in_cart"  # lines together need more of `short_of` than there is
    BELOW_MINIMUM = "below_minimum"  # fewer than the shop's minimum order of the item


_PRODUCT_PROBLEMS = {
    Unavailable.NOT_CERTIFIED: LineProblem.NOT_CERTIFIED,
    Unavailable.CERTIFICATE_EXPIRED: LineProblem.CERTIFICATE_EXPIRED,
    Unavailable.NO_LONGER_SOLD: LineProblem.NO_LONGER_SOLD,
    Unavailable.SOLD_OUT: LineProblem.SOLD_OUT,
}
_COMPONENT_PROBLEMS = {
    ComponentProblem.NOT_CERTIFIED: LineProblem.NOT_CERTIFIED,
    ComponentProblem.CERTIFICATE_EXPIRED: LineProblem.CERTIFICATE_EXPIRED,
}


@dataclass(frozen=True)
class Part:
    """A product a line takes from stock, per unit of the line."""

    product: Product
    quantity: int


@dataclass
class PricedLine:
    key: LineKey
    quantity: int
    product: Product | None
    combo: Combo | None
    offer: ComboOffer | None  # a combo line's offer
    packaging: PackagingItem | None
    wrap: PackagingItem | None
    item_price_vnd: int  # for this quantity: a shop's tier price, else retail
    parts: list[Part]
    available: int  # the most of this line that can be bought now
    retail_price_vnd: int = 0  # of the item alone, what a retail buyer pays
    terms: WholesaleTerms | None = None  # a shop's terms for the item
    problem: LineProblem | None = None
    # The product or packaging item the problem is about (an expired component, the one
    # the cart runs short of), when it is not the line's own item.
    about: Product | PackagingItem | None = None

    @property
    def item(self) -> Product | Combo:
        return self.product or self.combo  # type: ignore[return-value]

    @property
    def producer(self) -> Producer:
        """Who fulfils the line: the product's producer, or the combo's owner."""
        return self.product.producer if self.product else self.combo.owner  # type: ignore[union-attr]

    @property
    def next_tier(self) -> Tier | None:
        """The saving a shop gets by ordering more ("order 50 for 85.000 ₫ each")."""
        return self.terms.next_tier(self.retail_price_vnd, self.quantity) if self.terms else None

    @property
    def packaging_price_vnd(self) -> int:
        return self.packaging.price_vnd if self.packaging else 0

    @property
    def wrap_price_vnd(self) -> int:
        return self.wrap.price_vnd if self.wrap else 0

    @property
    def unit_price_vnd(self) -> int:
        return self.item_price_vnd + self.packaging_price_vnd + self.wrap_price_vnd

    @property
    def total_vnd(self) -> int:
        return self.unit_price_vnd * self.quantity

    @property
    def weight_grams(self) -> int:
        """Of one unit of the line."""
        return sum(part.product.weight_grams * part.quantity for part in self.parts)

    def packaging_units(self) -> Counter[int]:
        """Packaging items one unit of the line takes from stock."""
        return Counter(item.id for item in (self.packaging, self.wrap) if item is not None)


@dataclass
class PricedCart:
    lines: list[PricedLine] = field(default_factory=list)

    @property
    def subtotal_vnd(self) -> int:
        return sum(line.total_vnd for line in self.lines)

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def weight_grams(self) -> int:
        return sum(line.weight_grams * line.quantity for line in self.lines)

    @property
    def problems(self) -> list[PricedLine]:
        return [line for line in self.lines if line.problem is not None]

    @property
    def ready(self) -> bool:
        """Every line can be bought as it is: checkout may go on."""
        return bool(self.lines) and not self.problems

    def product_needs(self) -> Counter[int]:
        """Units of each product the cart takes from stock, combos counted by components."""
        needs: Counter[int] = Counter()
        for line in self.lines:
            for part in line.parts:
                needs[part.product.id] += part.quantity * line.quantity
        return needs

    def packaging_needs(self) -> Counter[int]:
        needs: Counter[int] = Counter()
        for line in self.lines:
            for item_id, units in line.packaging_units().items():
                needs[item_id] += units * line.quantity
        return needs


def price_cart(lines: Lines, *, today: date, prices: PriceList = RETAIL) -> PricedCart:
    """Price every line from the database for the buyer `prices` belongs to, in five
    queries whatever the cart holds (seven for a shop: its terms).

    A line whose product or combo no longer exists at all is left out.
    """
    products = _products({k.item_id for k in lines if k.kind is ItemKind.PRODUCT})
    combos = _combos({k.item_id for k in lines if k.kind is ItemKind.COMBO})
    packaging = _packaging({i for k in lines for i in (k.packaging_id, k.wrap_id) if i})
    prices.load(products=products, combos=combos)
    cart = PricedCart()
    for key, quantity in lines.items():
        if key.kind is ItemKind.PRODUCT and key.item_id in products:
            line = _product_line(key, quantity, products[key.item_id], packaging, today)
        elif key.kind is ItemKind.COMBO and key.item_id in combos:
            line = _combo_line(key, quantity, combos[key.item_id], packaging, today)
        else:
            continue
        cart.lines.append(_on_terms(line, prices.terms(key.kind, key.item_id)))
    _mark_shortages(cart)
    return cart


def _on_terms(line: PricedLine, terms: WholesaleTerms | None) -> PricedLine:
    """The line at the buyer's price: a shop's tier for its quantity, and its minimum."""
    line.retail_price_vnd = line.item_price_vnd
    if terms is None:
        return line
    line.terms = terms
    line.item_price_vnd = terms.price(line.retail_price_vnd, line.quantity)
    if line.quantity < terms.min_quantity and line.problem in (None, LineProblem.ONLY_FEW_LEFT):
        line.problem = LineProblem.BELOW_MINIMUM
    return line


def _products(ids: set[int]) -> dict[int, Product]:
    if not ids:
        return {}
    rows = db.session.scalars(
        select(Product)
        .where(Product.id.in_(ids))
        .options(
            joinedload(Product.producer),
            joinedload(Product.current_certificate),
            joinedload(Product.cover),
        )
    )
    return {product.id: product for product in rows}


def _combos(ids: set[int]) -> dict[int, Combo]:
    if not ids:
        return {}
    rows = db.session.scalars(
        select(Combo).where(Combo.id.in_(ids)).options(joinedload(Combo.owner), *offer_loading())
    )
    return {combo.id: combo for combo in rows}


def _packaging(ids: set[int]) -> dict[int, PackagingItem]:
    if not ids:
        return {}
    return {
        item.id: item
        for item in db.session.scalars(select(PackagingItem).where(PackagingItem.id.in_(ids)))
    }


def wrap_problem(wrap: PackagingItem | None, wanted: bool, producer_id: int) -> bool:
    """The gift wrapping asked for is not one the line's producer offers now."""
    if not wanted:
        return False
    return (
        wrap is None
        or wrap.producer_id != producer_id
        or wrap.kind is not PackagingKind.WRAPPING
        or not wrap.active
        or wrap.stock <= 0
    )


def _product_line(
    key: LineKey, quantity: int, product: Product, packaging: dict[int, PackagingItem], today: date
) -> PricedLine:
    offer = offer_for(product, today=today)
    wrap = packaging.get(key.wrap_id) if key.wrap_id else None
    available = product.stock if offer.purchasable else 0
    if wrap is not None:
        available = min(available, wrap.stock)
    line = PricedLine(
        key=key,
        quantity=quantity,
        product=product,
        combo=None,
        offer=None,
        packaging=None,
        wrap=wrap,
        item_price_vnd=offer.price_vnd,
        parts=[Part(product, 1)],
        available=max(available, 0),
    )
    if offer.unavailable is not None:
        line.problem = _PRODUCT_PROBLEMS[offer.unavailable]
    elif wrap_problem(wrap, bool(key.wrap_id), product.producer_id):
        line.problem = LineProblem.WRAP_UNAVAILABLE
    elif quantity > line.available:
        line.problem = LineProblem.ONLY_FEW_LEFT
    return line


def _combo_line(
    key: LineKey, quantity: int, combo: Combo, packaging: dict[int, PackagingItem], today: date
) -> PricedLine:
    offer = combo_offer(combo, today=today)
    offered = {option.item.id for option in offer.packaging}
    chosen = packaging.get(key.packaging_id) if key.packaging_id else None
    wrap = packaging.get(key.wrap_id) if key.wrap_id else None
    available = offer.stock_with(key.packaging_id) if key.packaging_id else offer.stock
    if wrap is not None:
        available = min(available, wrap.stock)
    line = PricedLine(
        key=key,
        quantity=quantity,
        product=None,
        combo=combo,
        offer=offer,
        packaging=chosen,
        wrap=wrap,
        item_price_vnd=offer.price_vnd,
        parts=[Part(s.component.product, s.component.quantity) for s in offer.components],
        available=max(available, 0),
    )
    if offer.unavailable is ComboUnavailable.COMPONENT_UNAVAILABLE:
        blocker = next(
            s for s in offer.blockers if s.problem is not ComponentProblem.NOT_ENOUGH_STOCK
        )
        line.problem = _COMPONENT_PROBLEMS.get(blocker.problem, LineProblem.NO_LONGER_SOLD)
        line.about = blocker.component.product
    elif offer.unavailable is ComboUnavailable.SOLD_OUT:
        line.problem = LineProblem.SOLD_OUT
    elif offer.unavailable is not None:
        line.problem = LineProblem.NO_LONGER_SOLD
    elif (key.packaging_id or None) not in (offered or {None}) or (chosen and not chosen.active):
        line.problem = LineProblem.PACKAGING_UNAVAILABLE
    elif wrap_problem(wrap, bool(key.wrap_id), combo.owner_id):
        line.problem = LineProblem.WRAP_UNAVAILABLE
    elif line.available == 0:
        line.problem = LineProblem.SOLD_OUT
    elif quantity > line.available:
        line.problem = LineProblem.ONLY_FEW_LEFT
    return line


def _mark_shortages(cart: PricedCart) -> None:
    """Lines that can each be bought but together need more of a product or packaging item
    than is in stock are marked SHORT_IN_CART, about that product or item."""
    sound = [line for line in cart.lines if line.problem is None]
    product_needs = PricedCart(sound).product_needs()
    packaging_needs = PricedCart(sound).packaging_needs()
    for line in sound:
        for part in line.parts:
            if product_needs[part.product.id] > part.product.stock:
                line.problem, line.about = LineProblem.SHORT_IN_CART, part.product
                break
        else:
            for item in (line.packaging, line.wrap):
                if item is not None and packaging_needs[item.id] > item.stock:
                    line.problem, line.about = LineProblem.SHORT_IN_CART, item
                    break
