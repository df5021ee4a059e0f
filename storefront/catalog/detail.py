"""A product's own page: the product, and what to show beside it."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from storefront.catalog.filters import CatalogFilters, Sort
from storefront.catalog.listing import Listing, list_products
from storefront.catalog.models import Category, Product, ProductStatus
from storefront.extensions import db
from storefront.producers.models import Producer, ProducerStatus

RELATED_COUNT = 4


def find_public_product(slug: str) -> Product | None:
    """A product whose page may be shown: not a draft, of an approved producer, ever certified.

    It may have expired or been archived; its page then says so and offers nothing to buy.
    """
    product = db.session.scalar(
        select(Product)
        .join(Product.producer)
        .where(
            Product.slug == slug,
            Product.status != ProductStatus.DRAFT,
            Producer.status == ProducerStatus.APPROVED,
        )
        .options(
            joinedload(Product.producer),
            joinedload(Product.category).joinedload(Category.parent),
            joinedload(Product.current_certificate),
            selectinload(Product.images),
        )
    )
    if product is None or product.current_certificate is None:
        return None
    return product


def related_products(product: Product, *, today: date) -> list[Listing]:
    """Other listed products of the same category, best rated first."""
    page = list_products(
        CatalogFilters(category=product.category.slug, sort=Sort.STARS, per_page=RELATED_COUNT + 1),
        today=today,
    )
    return [item for item in page.items if item.product.id != product.id][:RELATED_COUNT]
