"""Reading a query string leniently: a bad value is dropped and the problem noted, so pages
can ignore it and the API can answer 400 with what was wrong."""

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

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
            self.problems[name] = f"must be a whole number from {low} to {high}"
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
                self.problems[name] = "must be " + " or ".join(map(str, allowed))
        return frozenset(found)

    def choice(self, name: str, choices: type[E]) -> E | None:
        raw = self.args.get(name, "")
        if raw in choices._value2member_map_:
            return choices(raw)
        if raw:
            self.problems[name] = "must be one of " + ", ".join(choices)
        return None

    def flag(self, name: str) -> bool:
        raw = self.args.get(name, "")
        if raw not in ("", "0", "1", "true", "false", "on"):
            self.problems[name] = "must be 1 or 0"
        return raw in ("1", "true", "on")
