"""Vietnamese search: matches whatever the diacritics and case, ranks typed accents first.

Each product keeps two lower-cased copies of its searchable text (name, English name,
producer, category, locality): one with diacritics, one folded. Queries compare against
them with LIKE, so search behaves the same on SQLite and PostgreSQL.
"""

import re

from sqlalchemy import ColumnElement, and_, case

from storefront.catalog.models import Product
from storefront.text import fold, lower

_WORD = re.compile(r"\w+")


def index_product(product: Product) -> None:
    """Refresh the product's search text; call after changing any of the parts it is made of."""
    producer = product.producer
    parts = [
        product.name,
        product.name_en or "",
        producer.name,
        product.category.name,
        product.category.name_en,
        producer.ward.name,
        producer.province.name,
    ]
    text = " | ".join(p for p in parts if p)
    product.search_text = lower(text)
    product.search_folded = fold(text)


def search_terms(query: str) -> list[str]:
    """The folded words of a query: "GẠO  Vị-Thủy" -> ["gao", "vi", "thuy"]."""
    return _WORD.findall(fold(query))


def matches(query: str) -> ColumnElement[bool]:
    """Every word of the query appears in the product's folded text."""
    return and_(
        *(Product.search_folded.contains(term, autoescape=True) for term in search_terms(query))
    )


def relevance(query: str) -> ColumnElement[int]:
    """0 when the query appears as typed (with its accents), 1 as a folded phrase, else 2."""
    return case(
        (Product.search_text.contains(lower(query), autoescape=True), 0),
        (Product.search_folded.contains(" ".join(search_terms(query)), autoescape=True), 1),
        else_=2,
    )
