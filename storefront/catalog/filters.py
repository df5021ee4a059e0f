"""Catalogue filters read from a query string; shared by the pages and the API."""

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from storefront.producers.models import ProducerKind


class Sort(enum.StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"
    STARS = "stars"
    NAME = "name"


STAR_LEVELS = (3, 4, 5)
MAX_PRICE_VND = 1_000_000_000


@dataclass(frozen=True)
class CatalogFilters:
    q: str = ""
    stars: frozenset[int] = frozenset()
    category: str = ""
    producer: str = ""
    province: int | None = None
    ward: int | None = None
    producer_kind: ProducerKind | None = None
    price_min: int | None = None
    price_max: int | None = None
    in_stock: bool = False
    sort: Sort | None = None
    page: int = 1
    per_page: int = 24

    @property
    def effective_sort(self) -> Sort:
        """Relevance when searching, newest otherwise, unless the shopper chose."""
        return self.sort or (Sort.RELEVANCE if self.q else Sort.NEWEST)

    def with_page(self, page: int) -> "CatalogFilters":
        return replace(self, page=page)


@dataclass
class ParsedFilters:
    filters: CatalogFilters
    problems: dict[str, str] = field(default_factory=dict)  # parameter -> what was wrong


def _int(value: str, low: int, high: int) -> int | None:
    try:
        number = int(value.strip())
    except ValueError:
        return None
    return number if low <= number <= high else None


def parse_filters(args: Mapping[str, str], *, per_page: int, max_per_page: int) -> ParsedFilters:
    """Read filters leniently: a bad value is dropped (or clamped) and reported in `problems`.

    `args` may be a MultiDict: `stars` is read with getlist when it can be repeated.
    """
    problems: dict[str, str] = {}
    values: dict = {}

    def number(name: str, low: int, high: int) -> int | None:
        raw = args.get(name, "")
        if raw == "":
            return None
        parsed = _int(raw, low, high)
        if parsed is None:
            problems[name] = f"must be a whole number from {low} to {high}"
        return parsed

    values["q"] = args.get("q", "").strip()[:200]
    raw_stars = args.getlist("stars") if hasattr(args, "getlist") else [args.get("stars", "")]
    stars = set()
    for raw in (part for item in raw_stars for part in item.split(",") if part.strip()):
        level = _int(raw, 3, 5)
        if level is None:
            problems["stars"] = "must be 3, 4 or 5"
        else:
            stars.add(level)
    values["stars"] = frozenset(stars)
    values["category"] = args.get("category", "").strip()[:80]
    values["producer"] = args.get("producer", "").strip()[:220]
    values["province"] = number("province", 1, 999)
    values["ward"] = number("ward", 1, 99999)
    kind = args.get("producer_kind", "")
    if kind:
        if kind in ProducerKind._value2member_map_:
            values["producer_kind"] = ProducerKind(kind)
        else:
            problems["producer_kind"] = "must be one of " + ", ".join(ProducerKind)
    values["price_min"] = number("price_min", 0, MAX_PRICE_VND)
    values["price_max"] = number("price_max", 0, MAX_PRICE_VND)
    in_stock = args.get("in_stock", "")
    if in_stock not in ("", "0", "1", "true", "false", "on"):
        problems["in_stock"] = "must be 1 or 0"
    values["in_stock"] = in_stock in ("1", "true", "on")
    sort = args.get("sort", "")
    if sort:
        if sort in Sort._value2member_map_:
            values["sort"] = Sort(sort)
        else:
            problems["sort"] = "must be one of " + ", ".join(Sort)
    values["page"] = number("page", 1, 1_000_000) or 1
    requested = number("per_page", 1, max_per_page)
    values["per_page"] = requested or per_page
    return ParsedFilters(CatalogFilters(**values), problems)
