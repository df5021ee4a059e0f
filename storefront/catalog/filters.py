"""Catalogue filters read from a query string; shared by the pages and the API."""

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from storefront.producers.models import ProducerKind
from storefront.query_args import QueryArgs


class Sort(enum.StrEnum):
    """The orders of the store's lists (products and combos)."""

    RELEVANCE = "relevance"
    NEWEST = "newest"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"
    STARS = "stars"
    NAME = "name"


STAR_LEVELS = (3, 4, 5)
MAX_PRICE_VND = 1_000_000_000
MAX_PAGE = 1_000_000


@dataclass(frozen=True)
class ListFilters:
    """What every store list is narrowed by: a search, a price range, an order and a page."""

    q: str = ""
    price_min: int | None = None
    price_max: int | None = None
    sort: Sort | None = None
    page: int = 1
    per_page: int = 24

    @property
    def effective_sort(self) -> Sort:
        """Relevance when searching, newest otherwise, unless the shopper chose."""
        return self.sort or (Sort.RELEVANCE if self.q else Sort.NEWEST)


@dataclass(frozen=True)
class CatalogFilters(ListFilters):
    stars: frozenset[int] = frozenset()
    category: str = ""
    producer: str = ""
    province: int | None = None
    ward: int | None = None
    producer_kind: ProducerKind | None = None
    in_stock: bool = False


F = TypeVar("F", bound=ListFilters)


@dataclass
class ParsedFilters(Generic[F]):
    filters: F
    problems: dict[str, str] = field(default_factory=dict)  # parameter -> what was wrong


def parse_filters(
    args: Mapping[str, str], *, per_page: int, max_per_page: int
) -> ParsedFilters[CatalogFilters]:
    """Read filters leniently: a bad value is dropped and reported in `problems`.

    `args` may be a MultiDict, so that `stars` can be repeated.
    """
    read = QueryArgs(args)
    filters = CatalogFilters(
        q=read.text("q", max_length=200),
        stars=read.numbers("stars", STAR_LEVELS),
        category=read.text("category", max_length=80),
        producer=read.text("producer", max_length=220),
        province=read.number("province", 1, 999),
        ward=read.number("ward", 1, 99999),
        producer_kind=read.choice("producer_kind", ProducerKind),
        price_min=read.number("price_min", 0, MAX_PRICE_VND),
        price_max=read.number("price_max", 0, MAX_PRICE_VND),
        in_stock=read.flag("in_stock"),
        sort=read.choice("sort", Sort),
        page=read.number("page", 1, MAX_PAGE) or 1,
        per_page=read.number("per_page", 1, max_per_page) or per_page,
    )
    return ParsedFilters(filters, read.problems)
