"""Vietnamese search: matches whatever the diacritics and case, ranks typed accents first.

Each product keeps two copies of its searchable text (name, English name, producer,
category, locality) as space-separated lower-case words padded with a space at each end:
one with diacritics, one folded; combos keep theirs the same way (combos.search). A
query matches when each of its words is a whole word of the folded text (the last may be
the start of a word, as the shopper is still typing).
Comparisons are plain LIKE, so search behaves the same on SQLite and PostgreSQL.
"""

import re
from typing import Protocol

from sqlalchemy import ColumnElement, and_, case, false
from sqlalchemy.orm import Mapped

from storefront.catalog.models import Category, Product
from storefront.producers.models import Producer
from storefront.text import fold, lower

_WORD = re.compile(r"\w+")


class Searchable(Protocol):
    """A model that keeps the two search texts (products, combos)."""

    search_text: Mapped[str]
    search_folded: Mapped[str]


def _padded_words(text: str) -> str:
    return " " + " ".join(_WORD.findall(text)) + " "


def search_texts(parts: list[str]) -> tuple[str, str]:
    """(accented, folded) search text of the given parts: ["Gạo Vị Thủy"] ->
    (" gạo vị thủy ", " gao vi thuy ")."""
    text = " ".join(part for part in parts if part)
    return _padded_words(lower(text)), _padded_words(fold(text))


def product_search_texts(
    *, name: str, name_en: str | None, producer: Producer, category: Category
) -> tuple[str, str]:
    """(accented, folded) search text of a product with these parts; bulk inserts use it
    for rows that are not Product objects."""
    return search_texts(
        [
            name,
            name_en or "",
            producer.name,
            category.name,
            category.name_en,
            producer.ward.name,
            producer.province.name,
        ]
    )


def index_product(product: Product) -> None:
    """Refresh the product's search text; call after changing any of the parts it is made of."""
    product.search_text, product.search_folded = product_search_texts(
        name=product.name,
        name_en=product.name_en,
        producer=product.producer,
        category=product.category,
    )


def search_terms(query: str) -> list[str]:
    """The folded words of a query: "GẠO  Vị-Thủy" -> ["gao", "vi", "thuy"]."""
    return _WORD.findall(fold(query))


def matches(query: str, model: type[Searchable] = Product) -> ColumnElement[bool]:
    """Each word of the query is a word of the row's folded text, the last maybe only
    its start; a query of no words (only punctuation) matches nothing."""
    terms = search_terms(query)
    if not terms:
        return false()
    whole = [f" {term} " for term in terms[:-1]]
    return and_(
        *(model.search_folded.contains(word, autoescape=True) for word in whole),
        model.search_folded.contains(f" {terms[-1]}", autoescape=True),
    )


def relevance(query: str, model: type[Searchable] = Product) -> ColumnElement[int]:
    """0 when the query appears as typed (with its accents), 1 as a folded phrase, else 2."""
    typed = " " + " ".join(_WORD.findall(lower(query)))
    folded = " " + " ".join(search_terms(query))
    return case(
        (model.search_text.contains(typed, autoescape=True), 0),
        (model.search_folded.contains(folded, autoescape=True), 1),
        else_=2,
    )
