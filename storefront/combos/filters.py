"""Combo filters read from a query string; shared by the combos page and the API."""

from collections.abc import Mapping
from dataclasses import dataclass

from storefront.catalog.filters import (
    MAX_PAGE,
    MAX_PRICE_VND,
    STAR_LEVELS,
    ListFilters,
    ParsedFilters,
    Sort,
)
from storefront.combos.models import ComboKind, Occasion
from storefront.query_args import QueryArgs


@dataclass(frozen=True)
class ComboFilters(ListFilters):
    """What a shopper narrows the combos down to.

    `province` is where the combo comes from: its heritage entry's province, or its
    owner's when it has no heritage entry.
    """

    occasion: Occasion | None = None
    kind: ComboKind | None = None
    min_stars: int | None = None
    heritage: str = ""  # a heritage entry's slug
    province: int | None = None

    @property
    def narrowed(self) -> bool:
        """Some filter or search is applied (the sort and page aside)."""
        return bool(
            self.q
            or self.occasion
            or self.kind
            or self.heritage
            or self.province is not None
            or self.price_min is not None
            or self.price_max is not None
            or self.min_stars
        )


def parse_combo_filters(
    args: Mapping[str, str], *, per_page: int, max_per_page: int
) -> ParsedFilters[ComboFilters]:
    """Read filters leniently: a bad value is dropped and reported in `problems`."""
    read = QueryArgs(args)
    filters = ComboFilters(
        q=read.text("q", max_length=200),
        occasion=read.choice("occasion", Occasion),
        kind=read.choice("kind", ComboKind),
        price_min=read.number("price_min", 0, MAX_PRICE_VND),
        price_max=read.number("price_max", 0, MAX_PRICE_VND),
        min_stars=read.number("min_stars", STAR_LEVELS[0], STAR_LEVELS[-1]),
        heritage=read.text("heritage", max_length=220),
        province=read.number("province", 1, 999),
        sort=read.choice("sort", Sort),
        page=read.number("page", 1, MAX_PAGE) or 1,
        per_page=read.number("per_page", 1, max_per_page) or per_page,
    )
    return ParsedFilters(filters, read.problems)
