"""The staff's list of producers: any status, searched by name or tax code."""

from sqlalchemy import func, select

from storefront.extensions import db
from storefront.pagination import Page, last_page
from storefront.producers.models import Producer, ProducerStatus
from storefront.text import fold


def search_producers(
    *, query: str, status: ProducerStatus | None, page: int, per_page: int
) -> Page[Producer]:
    """Producers by name whose folded name and tax code hold every word of the query
    ("hop tac xa" finds "Hợp tác xã"); two queries."""
    found = select(Producer)
    for word in fold(query).split():
        found = found.where(Producer.search_folded.contains(word, autoescape=True))
    if status is not None:
        found = found.where(Producer.status == status)
    total = db.session.scalar(select(func.count()).select_from(found.subquery())) or 0
    page = min(page, last_page(total, per_page))
    producers = db.session.scalars(
        found.order_by(Producer.name, Producer.id).limit(per_page).offset((page - 1) * per_page)
    )
    return Page(list(producers), total, page, per_page)
