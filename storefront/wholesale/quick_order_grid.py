"""The quick-order grid: the products and combos a shop can buy now, as the store's lists
show them (catalog.certification.listed_products in stock, combos.availability.
available_combos), with each item's code, stock, minimum order and the shop's tier prices.
Items with wholesale terms come first; a page is read in a fixed number of queries."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    ColumnElement,
    Select,
    case,
    exists,
    false,
    func,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.orm import joinedload

from storefront.cart.lines import ItemKind
from storefront.catalog import search
from storefront.catalog.certification import listed_products
from storefront.catalog.models import Product
from storefront.catalog.pricing import Tier
from storefront.combos.availability import available_combos, combo_offer, offer_loading
from storefront.combos.models import Combo, PackagingItem
from storefront.extensions import db
from storefront.pagination import Page, last_page
from storefront.producers.models import Producer
from storefront.wholesale.models import WholesaleOffer
from storefront.wholesale.price_list import PriceList, WholesaleTerms
from storefront.wholesale.quick_order import packed_in
from storefront.wholesale.skus import parse_sku, sku_of

PER_PAGE = 50


@dataclass(frozen=True)
class GridFilters:
    q: str = ""  # words of the name, producer, place; or an item code
    producer: str = ""  # a producer's slug
    page: int = 1
    per_page: int = PER_PAGE


@dataclass(frozen=True)
class GridItem:
    kind: ItemKind
    item: Product | Combo
    retail_vnd: int
    stock: int  # units that can be ordered now
    stars: int | None  # a product's stars; a combo's lowest
    terms: WholesaleTerms | None  # the shop's terms for it, if the producer set any
    packaging: PackagingItem | None = None  # the packaging a combo comes in
    item_count: int = 0  # products in one combo

    @property
    def sku(self) -> str:
        return sku_of(self.item)

    @property
    def producer(self) -> Producer:
        return self.item.producer if isinstance(self.item, Product) else self.item.owner

    @property
    def min_quantity(self) -> int:
        return self.terms.min_quantity if self.terms else 1

    @property
    def tiers(self) -> list[Tier]:
        """The unit price from each quantity on (retail alone for an item without terms)."""
        return self.terms.table(self.retail_vnd) if self.terms else [Tier(1, self.retail_vnd)]

    @property
    def packaging_vnd(self) -> int:
        return self.packaging.price_vnd if self.packaging else 0

    @property
    def unit_price_vnd(self) -> int:
        """What one unit costs at the minimum order, packaging included."""
        return self.tiers[0].unit_price_vnd + self.packaging_vnd


def _product_rows(filters: GridFilters, today: date) -> Select:
    query = listed_products(today).where(Product.stock > 0)
    code = parse_sku(filters.q)
    if code is not None:
        query = query.where(Product.id == code[1] if code[0] is ItemKind.PRODUCT else false())
    elif filters.q:
        query = query.where(search.matches(filters.q))
    if filters.producer:
        query = query.where(Producer.slug == filters.producer)
    offered = exists().where(WholesaleOffer.product_id == Product.id)
    return query.with_only_columns(
        literal_column("'p'").label("kind"),
        Product.id.label("id"),
        Product.name.label("name"),
        case((offered, 0), else_=1).label("rank"),
    )


def _combo_rows(filters: GridFilters, today: date) -> Select:
    query = available_combos(today)
    code = parse_sku(filters.q)
    if code is not None:
        query = query.where(Combo.id == code[1] if code[0] is ItemKind.COMBO else false())
    elif filters.q:
        query = query.where(search.matches(filters.q, Combo))
    if filters.producer:
        query = query.where(Producer.slug == filters.producer)
    offered = exists().where(WholesaleOffer.combo_id == Combo.id)
    return query.with_only_columns(
        literal_column("'c'").label("kind"),
        Combo.id.label("id"),
        Combo.name.label("name"),
        case((offered, 0), else_=1).label("rank"),
    )


def grid_page(filters: GridFilters, *, today: date, prices: PriceList) -> Page[GridItem]:
    """One page of the grid: items with wholesale terms first, then by name. A page past
    the last is corrected to the last page."""
    matching = union_all(_product_rows(filters, today), _combo_rows(filters, today)).subquery()
    total = db.session.scalar(select(func.count()).select_from(matching)) or 0
    page = min(filters.page, last_page(total, filters.per_page))
    rows = db.session.execute(
        select(matching.c.kind, matching.c.id)
        .order_by(matching.c.rank, matching.c.name, matching.c.kind, matching.c.id)
        .limit(filters.per_page)
        .offset((page - 1) * filters.per_page)
    ).all()
    items = _items([(ItemKind(kind), item_id) for kind, item_id in rows], today, prices)
    return Page(items=items, total=total, page=page, per_page=filters.per_page)


def grid_items(
    filters: GridFilters, *, today: date, prices: PriceList, limit: int
) -> list[GridItem]:
    """The first `limit` items of the grid under these filters, in its order (the CSV
    template's lines)."""
    return grid_page(
        GridFilters(q=filters.q, producer=filters.producer, page=1, per_page=limit),
        today=today,
        prices=prices,
    ).items


def _items(
    wanted: Sequence[tuple[ItemKind, int]], today: date, prices: PriceList
) -> list[GridItem]:
    """The grid's items for these keys, in their order: four queries beside the terms."""
    product_ids = [item_id for kind, item_id in wanted if kind is ItemKind.PRODUCT]
    combo_ids = [item_id for kind, item_id in wanted if kind is ItemKind.COMBO]
    products = _load(
        select(Product)
        .where(Product.id.in_(product_ids))
        .options(joinedload(Product.producer), joinedload(Product.current_certificate)),
        product_ids,
    )
    combos = _load(
        select(Combo)
        .where(Combo.id.in_(combo_ids))
        .options(joinedload(Combo.owner), *offer_loading()),
        combo_ids,
    )
    prices.load(products=products, combos=combos)
    items: list[GridItem] = []
    for kind, item_id in wanted:
        if kind is ItemKind.PRODUCT and item_id in products:
            items.append(_product_item(products[item_id], prices))
        elif kind is ItemKind.COMBO and item_id in combos:
            items.append(_combo_item(combos[item_id], today, prices))
    return items


def _load(query: Select, ids: list[int]) -> dict:
    if not ids:
        return {}
    return {row.id: row for row in db.session.scalars(query).unique()}


def _product_item(product: Product, prices: PriceList) -> GridItem:
    certificate = product.current_certificate
    return GridItem(
        kind=ItemKind.PRODUCT,
        item=product,
        retail_vnd=product.price_vnd,
        stock=product.stock,
        stars=certificate.stars if certificate else None,
        terms=prices.terms(ItemKind.PRODUCT, product.id),
    )


def _combo_item(combo: Combo, today: date, prices: PriceList) -> GridItem:
    offer = combo_offer(combo, today=today)
    packaging = packed_in(offer)
    return GridItem(
        kind=ItemKind.COMBO,
        item=combo,
        retail_vnd=offer.price_vnd,
        stock=offer.stock_with(packaging.id) if packaging else offer.stock,
        stars=offer.min_stars,
        terms=prices.terms(ItemKind.COMBO, combo.id),
        packaging=packaging,
        item_count=sum(component.quantity for component in combo.components),
    )


def grid_producers(today: date) -> list[Producer]:
    """The producers with something in the grid, by name: one query."""
    makers: ColumnElement = union_all(
        listed_products(today).where(Product.stock > 0).with_only_columns(Product.producer_id),
        available_combos(today).with_only_columns(Combo.owner_id),
    ).subquery()
    return list(
        db.session.scalars(
            select(Producer)
            .where(Producer.id.in_(select(makers.c[0])))
            .order_by(Producer.name, Producer.id)
        )
    )
