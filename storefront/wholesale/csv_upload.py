"""Reading a quick-order CSV file into order rows, one per line, each with its line number.

The file is UTF-8 text, with or without a byte-order mark, its cells separated by commas or
semicolons (whichever the first line uses more of). A first line starting `sku,quantity` is
a header, and then every line has as many columns as it (the template's name, minimum and
price columns are ignored); without one, each line has exactly two: the code and the
quantity. Blank lines are skipped. A whole file is refused, and nothing added, when it is
larger than 1 MB, is not text, or has more than 1000 lines to read.
"""

import csv
import enum
import re
from typing import BinaryIO

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from storefront.coded_errors import CodedError
from storefront.wholesale.quick_order import (
    LineError,
    LineErrorCode,
    OrderRow,
    malformed_row,
    order_row,
)

MAX_BYTES = 1024 * 1024
MAX_LINES = 1000
HEADER = ("sku", "quantity")
SHOWN = 40  # characters of a cell the report repeats

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BLANK = re.compile(r"[\s,;\"]*")


class FileErrorCode(enum.StrEnum):
    NO_FILE = "no_file"
    TOO_LARGE = "too_large"
    NOT_TEXT = "not_text"
    TOO_MANY_LINES = "too_many_lines"
    EMPTY = "empty"


MESSAGES: dict[FileErrorCode, LazyString] = {
    FileErrorCode.NO_FILE: _l("Choose a CSV file to upload."),
    FileErrorCode.TOO_LARGE: _l(
        "This file is larger than 1 MB, so nothing was added. A quick-order file has at "
        "most 1000 lines: split it and upload the parts one by one."
    ),
    FileErrorCode.NOT_TEXT: _l(
        "This file is not a CSV text file, so nothing was added. In your spreadsheet, "
        "choose Save as › CSV UTF-8, and upload that file."
    ),
    FileErrorCode.TOO_MANY_LINES: _l(
        "This file has %(count)s lines, more than the %(most)s a file may have, so nothing "
        "was added. Split it and upload the parts one by one."
    ),
    FileErrorCode.EMPTY: _l(
        "This file has no lines to add: write one item per line, its code and quantity."
    ),
}


class FileRefused(CodedError):
    """The whole file is refused; nothing of it is added."""

    code: FileErrorCode
    messages = MESSAGES


def read_upload(stream: BinaryIO) -> list[OrderRow]:
    """The rows of an uploaded file, read no further than its first megabyte.

    Raises FileRefused when it is too large, not text, empty or too long."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise FileRefused(FileErrorCode.TOO_LARGE)
    return parse_csv(data)


def parse_csv(data: bytes) -> list[OrderRow]:
    """One row for each line that is not blank (the header aside), numbered as the file
    numbers its lines. Raises FileRefused when the file is not text, empty or too long."""
    if b"\x00" in data:
        raise FileRefused(FileErrorCode.NOT_TEXT)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(FileErrorCode.NOT_TEXT) from None
    numbered = [
        (number, line)
        for number, line in enumerate(_LINE_BREAK.split(text), start=1)
        if not _BLANK.fullmatch(line)
    ]
    if not numbered:
        raise FileRefused(FileErrorCode.EMPTY)
    first = numbered[0][1]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    columns = len(HEADER)
    header = _cells(first, delimiter)
    if header and tuple(cell.strip().lower() for cell in header[: len(HEADER)]) == HEADER:
        columns = len(header)
        numbered = numbered[1:]
    if not numbered:
        raise FileRefused(FileErrorCode.EMPTY)
    if len(numbered) > MAX_LINES:
        raise FileRefused(FileErrorCode.TOO_MANY_LINES, count=len(numbered), most=MAX_LINES)
    return [_row(number, line, delimiter, columns) for number, line in numbered]


def _cells(line: str, delimiter: str) -> list[str] | None:
    """The line's cells, or None when it is not well-formed CSV."""
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=True))
    except csv.Error:
        return None


def _shown(cell: str) -> str:
    cell = cell.strip()
    return cell if len(cell) <= SHOWN else cell[: SHOWN - 1] + "…"


def _row(number: int, line: str, delimiter: str, columns: int) -> OrderRow:
    cells = _cells(line, delimiter)
    if cells is None:
        start = line.split(delimiter)
        return malformed_row(
            number,
            _shown(start[0]),
            _shown(start[1]) if len(start) > 1 else "",
            LineError(LineErrorCode.BAD_QUOTES),
        )
    if len(cells) != columns:
        return malformed_row(
            number,
            _shown(cells[0]) if cells else "",
            _shown(cells[1]) if len(cells) > 1 else "",
            LineError(LineErrorCode.WRONG_COLUMNS, found=len(cells), expected=columns),
        )
    return order_row(number, _shown(cells[0]), _shown(cells[1]))
