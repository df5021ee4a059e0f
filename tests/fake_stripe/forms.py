"""Decodes Stripe's form encoding (`line_items[0][price_data][currency]=vnd`, `expand[]=x`)
into nested dicts and lists of strings, as Stripe's servers read it."""

import re
from collections.abc import Iterable
from typing import Any

from .errors import invalid_param

_KEY = re.compile(r"([^\[\]]+)((?:\[[^\[\]]*\])*)")
_SEGMENT = re.compile(r"\[([^\[\]]*)\]")

# Free-form hashes whose keys may look like list indexes ("metadata[1]=x" stays a dict).
_FREE_FORM = frozenset({"metadata"})


def decode(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Nested parameters from (key, value) pairs; hashes keyed 0, 1, ... become lists."""
    root: dict[str, Any] = {}
    for key, value in pairs:
        _insert(root, key, _path(key), value)
    return _with_lists(root)


def _path(key: str) -> list[str]:
    match = _KEY.fullmatch(key)
    if match is None:
        raise invalid_param(key, f"Invalid parameter name: {key}")
    return [match.group(1), *_SEGMENT.findall(match.group(2))]


def _insert(root: dict[str, Any], key: str, path: list[str], value: str) -> None:
    node = root
    *parents, last = path
    for name in parents:
        child = node.setdefault(_slot(node, name), {})
        if not isinstance(child, dict):
            raise invalid_param(key, f"Invalid hash: {key} mixes a value and nested keys")
        node = child
    node[_slot(node, last)] = value


def _slot(node: dict[str, Any], name: str) -> str:
    """`[]` appends: it takes the next index."""
    return str(len(node)) if name == "" else name


def _with_lists(node: dict[str, Any]) -> dict[str, Any]:
    return {name: _converted(name, value) for name, value in node.items()}


def _converted(name: str, value: Any) -> Any:
    if not isinstance(value, dict) or name in _FREE_FORM:
        return value
    converted = _with_lists(value)
    if converted and all(index.isdigit() for index in converted):
        return [converted[index] for index in sorted(converted, key=int)]
    return converted
