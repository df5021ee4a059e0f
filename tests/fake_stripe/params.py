"""Reads typed values out of decoded parameters, failing with Stripe's 400 errors.

`prefix` names the enclosing hash, so that errors point at e.g.
`line_items[0][price_data][unit_amount]`, as Stripe's do."""

import re
from collections.abc import Collection, Mapping
from typing import Any

from .errors import invalid_param, missing_param

Params = Mapping[str, Any]

_INTEGER = re.compile(r"-?\d+")


def full_name(prefix: str, name: str) -> str:
    return f"{prefix}[{name}]" if prefix else name


def check_known(params: Params, allowed: Collection[str], prefix: str = "") -> None:
    for name in params:
        if name not in allowed:
            unknown = full_name(prefix, name)
            raise invalid_param(unknown, f"Received unknown parameter: {unknown}")


def text(params: Params, name: str, prefix: str = "") -> str | None:
    value = params.get(name)
    if value is not None and not isinstance(value, str):
        raise invalid_param(full_name(prefix, name), f"Invalid string: {full_name(prefix, name)}")
    return value


def required_text(params: Params, name: str, prefix: str = "") -> str:
    value = text(params, name, prefix)
    if value is None:
        raise missing_param(full_name(prefix, name))
    return value


def integer(
    params: Params,
    name: str,
    prefix: str = "",
    *,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int | None:
    raw = text(params, name, prefix)
    if raw is None:
        return None
    param = full_name(prefix, name)
    if not _INTEGER.fullmatch(raw):
        raise invalid_param(param, f"Invalid integer: {raw}")
    value = int(raw)
    if minimum is not None and value < minimum:
        raise invalid_param(param, f"This value must be greater than or equal to {minimum}.")
    if maximum is not None and value > maximum:
        raise invalid_param(param, f"This value must be less than or equal to {maximum}.")
    return value


def required_integer(params: Params, name: str, prefix: str = "", *, minimum: int) -> int:
    value = integer(params, name, prefix, minimum=minimum)
    if value is None:
        raise missing_param(full_name(prefix, name))
    return value


def choice(params: Params, name: str, choices: Collection[str], prefix: str = "") -> str | None:
    value = text(params, name, prefix)
    if value is not None and value not in choices:
        param = full_name(prefix, name)
        raise invalid_param(param, f"Invalid {param}: must be one of {', '.join(choices)}")
    return value


def mapping(params: Params, name: str, prefix: str = "") -> dict[str, Any]:
    """A nested hash; absent or "" (Stripe's way to send an empty hash) gives {}."""
    value = params.get(name, {})
    if value == "":
        return {}
    if not isinstance(value, dict):
        raise invalid_param(full_name(prefix, name), f"Invalid hash: {full_name(prefix, name)}")
    return value


def metadata(params: Params, prefix: str = "") -> dict[str, str]:
    value = mapping(params, "metadata", prefix)
    for key in value:
        text(value, key, full_name(prefix, "metadata"))
    return dict(value)


def strings(params: Params, name: str, prefix: str = "") -> list[str]:
    values = _array(params, name, prefix)
    if not all(isinstance(value, str) for value in values):
        param = full_name(prefix, name)
        raise invalid_param(param, f"Invalid array of strings: {param}")
    return values


def hashes(params: Params, name: str, prefix: str = "") -> list[dict[str, Any]]:
    values = _array(params, name, prefix)
    if not all(isinstance(value, dict) for value in values):
        param = full_name(prefix, name)
        raise invalid_param(param, f"Invalid array of hashes: {param}")
    return values


def _array(params: Params, name: str, prefix: str) -> list[Any]:
    value = params.get(name, [])
    if value == "":
        return []
    if not isinstance(value, list):
        raise invalid_param(full_name(prefix, name), f"Invalid array: {full_name(prefix, name)}")
    return value
