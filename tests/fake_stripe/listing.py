"""Stripe's list endpoints: filters (`created`, equality on fields) and cursor paging with
`limit`, `starting_after` and `ending_before` over objects sorted newest first."""

import operator
from collections.abc import Callable, Collection

from .errors import no_such
from .objects import Object, list_object
from .params import Params, check_known, integer, mapping, text

PAGING = ("limit", "starting_after", "ending_before")

_BOUNDS: dict[str, Callable[[int, int], bool]] = {
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


def filtered(items: list[Object], params: Params, fields: Collection[str]) -> list[Object]:
    """The items created in the `created` range whose `fields` equal the given values."""
    in_range = _created_filter(params)
    wanted = {field: text(params, field) for field in fields if field in params}
    return [
        item
        for item in items
        if in_range(item["created"]) and all(item[f] == v for f, v in wanted.items())
    ]


def page(items: list[Object], params: Params, url: str, kind: str) -> Object:
    """One page of `items`, as a list object whose `has_more` tells whether more follow."""
    limit = integer(params, "limit", minimum=1, maximum=100) or 10
    after = text(params, "starting_after")
    before = text(params, "ending_before")
    if after is not None:
        window = items[_index(items, after, "starting_after", kind) + 1 :]
        data = window[:limit]
    elif before is not None:
        window = items[: _index(items, before, "ending_before", kind)]
        data = window[-limit:]
    else:
        window = items
        data = window[:limit]
    return list_object(data, len(window) > limit, url)


def _created_filter(params: Params) -> Callable[[int], bool]:
    if isinstance(params.get("created"), str):
        moment = integer(params, "created")
        return lambda created: created == moment
    given = mapping(params, "created")
    check_known(given, _BOUNDS, "created")
    bounds = {name: integer(given, name, "created") for name in given}
    return lambda created: all(_BOUNDS[name](created, bound) for name, bound in bounds.items())


def _index(items: list[Object], object_id: str, param: str, kind: str) -> int:
    for index, item in enumerate(items):
        if item["id"] == object_id:
            return index
    raise no_such(kind, object_id, param)
