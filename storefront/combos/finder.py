"""The builder's product finder: certified products on sale that may go into a combo."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case

from storefront.catalog import search
from storefront.catalog.certification import listed_products
from storefront.catalog.models import OcopCertificate, Product
from storefront.extensions import db
from storefront.producers.models import Producer

FINDER_LIMIT = 20


@dataclass(frozen=True)
class FinderResult:
    product: Product
    certificate: OcopCertificate
    own: bool


def find_products(
    query: str, *, owner: Producer, today: date, limit: int = FINDER_LIMIT
) -> list[FinderResult]:
    """Certified products on sale that can go into the owner's combo, its own first; with a
    query, those that match it (catalog.search's rules). One query."""
    statement = listed_products(today)
    order = [case((Product.producer_id == owner.id, 0), else_=1)]
    if query.strip():
        statement = statement.where(search.matches(query))
        order.append(search.relevance(query))
    rows = db.session.execute(
        statement.order_by(*order, Product.name, Product.id).limit(limit)
    ).all()
    return [FinderResult(product, cert, product.producer_id == owner.id) for product, cert in rows]
