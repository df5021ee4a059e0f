"""Every interface string has a Vietnamese translation (English is the msgid itself)."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "_l": None}


def _extracted_msgids() -> set[str]:
    method_map = [
        ("storefront/**.py", "python"),
        ("templates/**.html", "jinja2"),
        ("templates/**.txt", "jinja2"),  # mail's plain-text parts and subjects
    ]
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, keywords=KEYWORDS
    ):
        if "/demo/" in _file or _file.startswith(("tests", ".venv")):
            continue
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _vietnamese_catalog():
    with open(ROOT / "storefront/translations/vi/LC_MESSAGES/messages.po", "rb") as po:
        return read_po(po, locale="vi")


def test_every_string_in_the_code_is_in_the_vietnamese_catalogue():
    catalog = _vietnamese_catalog()
    missing = sorted(m for m in _extracted_msgids() if m not in catalog)
    assert missing == [], "run `make messages` and translate: " + repr(missing[:10])


def test_every_vietnamese_entry_is_translated_and_not_fuzzy():
    untranslated = [
        m.id
        for m in _vietnamese_catalog()
        if m.id and (m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))
    ]
    assert untranslated == []
