"""Vietnamese text helpers: folding diacritics for search, and slugs."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def lower(text: str) -> str:
    """Lower-case, NFC-normalised, single-spaced text that keeps its diacritics."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def fold(text: str) -> str:
    """Lower-case text without diacritics: "Gạo Vị Thủy" -> "gao vi thuy", "đ" -> "d"."""
    decomposed = unicodedata.normalize("NFD", lower(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """An ASCII slug for URLs: "Khóm Cầu Đúc" -> "khom-cau-duc"."""
    return _NOT_SLUG.sub("-", fold(text)).strip("-")
