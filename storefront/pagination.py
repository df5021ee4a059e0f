"""One page of a longer list, as pages and the API show it."""

from dataclasses import dataclass
from math import ceil
from typing import Generic, TypeVar

T = TypeVar("T")


def last_page(total: int, per_page: int) -> int:
    return max(1, ceil(total / per_page))


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return last_page(self.total, self.per_page)
