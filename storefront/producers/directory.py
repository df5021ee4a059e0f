"""Finding approved producers, with how many certified products each lists."""

from datetime import date

from sqlalchemy import func, select

from storefront.catalog.certification import listed_products
from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.pagination import Page, last_page
from storefront.producers.models import Producer, ProducerKind, ProducerStatus


def find_approved_producer(slug: str) -> Producer | None:
    return db.session.scalar(
        select(Producer).where(Producer.slug == slug, Producer.status == ProducerStatus.APPROVED)
    )


def count_listed_products(producer: Producer, *, today: date) -> int:
    listed = listed_products(today).where(Product.producer_id == producer.id).order_by(None)
    return db.session.scalar(select(func.count()).select_from(listed.subquery())) or 0


def list_producers(
    *, today: date, page: int, per_page: int, kind: ProducerKind | None = None
) -> Page[tuple[Producer, int]]:
    """Approved producers by name, each with its listed-product count; two queries."""
    approved = select(Producer).where(Producer.status == ProducerStatus.APPROVED)
    if kind is not None:
        approved = approved.where(Producer.kind == kind)
    total = db.session.scalar(select(func.count()).select_from(approved.subquery())) or 0
    page = min(page, last_page(total, per_page))
    counts = (
        listed_products(today)
        .with_only_columns(Product.producer_id, func.count().label("listed"))
        .group_by(Product.producer_id)
        .subquery()
    )
    rows = db.session.execute(
        approved.add_columns(func.coalesce(counts.c.listed, 0))
        .outerjoin(counts, counts.c.producer_id == Producer.id)
        .order_by(Producer.name, Producer.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    return Page([(p, n) for p, n in rows], total, page, per_page)
