"""The catalogue list: filter, search, sort and paginate certified products in fixed queries."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import joinedload, load_only

from storefront.catalog import search
from storefront.catalog.certification import listed_products
from storefront.catalog.filters import CatalogFilters, Sort
from storefront.catalog.models import Category, OcopCertificate, Product
from storefront.catalog.pricing import Offer, offer_for
from storefront.extensions import db
from storefront.pagination import Page, last_page
from storefront.producers.models import Producer

# What a product card (and an API list item) shows: the long texts stay in the database.
CARD_COLUMNS = load_only(
    Product.slug,
    Product.name,
    Product.name_en,
    Product.unit,
    Product.unit_en,
    Product.price_vnd,
    Product.stock,
    Product.status,
    Product.created_at,
)


@dataclass(frozen=True)
class Listing:
    product: Product
    certificate: OcopCertificate
    offer: Offer


def _in_category(slug: str) -> ColumnElement[bool]:
    """The category itself or any of its children."""
    chosen = select(Category.id).where(Category.slug == slug).scalar_subquery()
    return Product.category_id.in_(
        select(Category.id).where(or_(Category.id == chosen, Category.parent_id == chosen))
    )


def _filtered(filters: CatalogFilters, today: date) -> Select:
    query = listed_products(today)
    conditions: list[ColumnElement[bool]] = []
    if filters.q:
        conditions.append(search.matches(filters.q))
    if filters.stars:
        conditions.append(OcopCertificate.stars.in_(sorted(filters.stars)))
    if filters.category:
        conditions.append(_in_category(filters.category))
    if filters.producer:
        conditions.append(Producer.slug == filters.producer)
    if filters.province is not None:
        conditions.append(Producer.province_code == filters.province)
    if filters.ward is not None:
        conditions.append(Producer.ward_code == filters.ward)
    if filters.producer_kind is not None:
        conditions.append(Producer.kind == filters.producer_kind)
    if filters.price_min is not None:
        conditions.append(Product.price_vnd >= filters.price_min)
    if filters.price_max is not None:
        conditions.append(Product.price_vnd <= filters.price_max)
    if filters.in_stock:
        conditions.append(Product.stock > 0)
    return query.where(*conditions)


def _order(filters: CatalogFilters) -> list[ColumnElement]:
    by_sort: dict[Sort, list[ColumnElement]] = {
        Sort.NEWEST: [Product.created_at.desc()],
        Sort.PRICE_ASC: [Product.price_vnd.asc()],
        Sort.PRICE_DESC: [Product.price_vnd.desc()],
        Sort.STARS: [OcopCertificate.stars.desc(), Product.name.asc()],
        Sort.NAME: [Product.name.asc()],
        Sort.RELEVANCE: [OcopCertificate.stars.desc(), Product.name.asc()],
    }
    order = by_sort[filters.effective_sort]
    if filters.q:
        order = [search.relevance(filters.q), *order]
    return [*order, Product.id.asc()]


def list_products(filters: CatalogFilters, *, today: date) -> Page[Listing]:
    """One page of listed products; two queries whatever the page size.

    A page past the last is corrected to the last page.
    """
    query = _filtered(filters, today)
    matching_ids = query.with_only_columns(Product.id).order_by(None).subquery()
    total = db.session.scalar(select(func.count()).select_from(matching_ids)) or 0
    page = min(filters.page, last_page(total, filters.per_page))
    rows = db.session.execute(
        query.options(joinedload(Product.cover), CARD_COLUMNS)
        .order_by(*_order(filters))
        .limit(filters.per_page)
        .offset((page - 1) * filters.per_page)
    ).all()
    return Page(
        items=[
            Listing(product, certificate, offer_for(product, today=today))
            for product, certificate in rows
        ],
        total=total,
        page=page,
        per_page=filters.per_page,
    )
