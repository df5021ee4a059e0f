"""What a cart holds: line keys and quantities, the same for guests and signed-in users.

A key names the product or combo and, for a combo, the packaging chosen; any line may add
gift wrapping. Encoded, it is short and plain ("p12", "c3.5", "c3.5.9", "p12..9"), so a
guest's cart fits in the session cookie.
"""

import enum
import re
from dataclasses import dataclass

MAX_QUANTITY = 99  # per line, for retail buyers
MAX_LINES = 30

_PATTERN = re.compile(r"([pc])([1-9]\d{0,8})(?:\.([1-9]\d{0,8})?)?(?:\.([1-9]\d{0,8}))?")


@dataclass(frozen=True)
class CartLimits:
    max_quantity: int  # per line
    max_lines: int


RETAIL_LIMITS = CartLimits(MAX_QUANTITY, MAX_LINES)
WHOLESALE_LIMITS = CartLimits(9_999, 200)  # a shop member's cart


class ItemKind(enum.StrEnum):
    PRODUCT = "p"
    COMBO = "c"


@dataclass(frozen=True, order=True)
class LineKey:
    kind: ItemKind
    item_id: int
    packaging_id: int | None = None  # a combo's packaging
    wrap_id: int | None = None  # gift wrapping

    def encode(self) -> str:
        text = f"{self.kind.value}{self.item_id}"
        if self.wrap_id:
            return f"{text}.{self.packaging_id or ''}.{self.wrap_id}"
        return f"{text}.{self.packaging_id}" if self.packaging_id else text

    @classmethod
    def decode(cls, text: str) -> "LineKey | None":
        """The key `text` encodes; None for anything else."""
        match = _PATTERN.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            return None
        kind, item, packaging, wrap = match.groups()
        if kind == ItemKind.PRODUCT and packaging:
            return None
        return cls(
            ItemKind(kind),
            int(item),
            int(packaging) if packaging else None,
            int(wrap) if wrap else None,
        )


Lines = dict[LineKey, int]  # key -> quantity, in the order they were added
