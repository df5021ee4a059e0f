"""Reading a query string leniently: a bad value is dropped and the problem noted (in the
visitor's language), so pages can leave it out and the API can answer 400 with what was
wrong. Needs a request (or app) context for the translations."""

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from flask_babel import gettext as _

E = TypeVar("E", bound=enum.StrEnum)


@dataclass
class QueryArgs:
    args: Mapping[str, str]
    problems: dict[str, str] = field(default_factory=dict)  # parameter -> what was wrong

    def text(self, name: str, *, max_length: int) -> str:
        return self.args.get(name, "").strip()[:max_length]

    def number(self, name: str, low: int, high: int) -> int | None:
        """A whole number within [low, high], or None when absent or bad."""
        raw = self.args.get(name, "").strip()
        if raw == "":
            return None
        try:
            value = int(raw)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            self.problems[name] = _(
                "must be a whole number from %(low)d to %(high)d", low=low, high=high
            )
            return None
        return value

    def numbers(self, name: str, allowed: tuple[int, ...]) -> frozenset[int]:
        """Repeated (`?stars=3&stars=4`) or comma-separated (`?stars=3,4`) numbers."""
        getlist = getattr(self.args, "getlist", None)
        raws = getlist(name) if getlist else [self.args.get(name, "")]
        found = set()
        for raw in (part.strip() for item in raws for part in item.split(",")):
            if raw.isdigit() and int(raw) in allowed:
                found.add(int(raw))
            elif raw:
                self.problems[name] = _(
                    "must be one of %(values)s", values=", ".join(map(str, allowed))
                )
        return frozenset(found)

    def choice(self, name: str, choices: type[E]) -> E | None:
        raw = self.args.get(name, "")
        if raw in choices._value2member_map_:
            return choices(raw)
        if raw:
            self.problems[name] = _("must be one of %(values)s", values=", ".join(choices))
        return None

    def flag(self, name: str) -> bool:
        raw = self.args.get(name, "")
        if raw not in ("", "0", "1", "true", "false", "on"):
            self.problems[name] = _("must be 1 or 0")
        return raw in ("1", "true", "on")
