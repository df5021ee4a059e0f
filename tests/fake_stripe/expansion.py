"""Stripe's `expand`: replaces the ids of related objects by the objects themselves, along
dotted paths such as `payment_intent.latest_charge`, or `data.payment_intent` in a list."""

import copy
from typing import Any

from .errors import invalid_param
from .objects import Object, list_object
from .store import Store

EXPANDABLE = {
    "list": {"data"},
    "checkout.session": {"payment_intent", "line_items"},
    "payment_intent": {"latest_charge"},
    "charge": {"payment_intent"},
    "refund": {"charge", "payment_intent"},
}


def expand(obj: Object, paths: list[str], store: Store) -> Object:
    """A copy of `obj` with every path expanded."""
    result = copy.deepcopy(obj)
    for path in paths:
        _expand(result, path.split("."), path, store)
    return result


def _expand(obj: Object, fields: list[str], path: str, store: Store) -> None:
    field, *rest = fields
    if field not in EXPANDABLE.get(obj["object"], ()):
        raise invalid_param("expand", f"This property cannot be expanded ({path}).")
    if field == "data":
        targets = obj["data"]
    else:
        obj[field] = _resolved(obj, field, store)
        targets = [obj[field]] if isinstance(obj[field], dict) else []
    for target in targets if rest else []:
        _expand(target, rest, path, store)


def _resolved(obj: Object, field: str, store: Store) -> Any:
    """The expanded value of a field: a null stays null, an id becomes its object."""
    if field == "line_items":
        url = f"/v1/checkout/sessions/{obj['id']}/line_items"
        return list_object(store.line_items(obj["id"]), False, url)
    value = obj[field]
    return store.find(value) if isinstance(value, str) else value
