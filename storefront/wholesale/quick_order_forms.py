"""Quick-order forms: the grid's quantities (one field per item code, read by the view, as
the grid's items change with the page) and the CSV upload; and the grid's filters."""

import re
from collections.abc import Mapping

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired

from storefront.query_args import QueryArgs
from storefront.wholesale.csv_upload import MESSAGES, FileErrorCode
from storefront.wholesale.quick_order import OrderRow, order_row
from storefront.wholesale.quick_order_grid import GridFilters
from storefront.wholesale.skus import parse_sku

_NO_QUANTITY = re.compile(r"\s*0*\s*")
MAX_QUERY = 100
MAX_PAGE = 10_000


class GridForm(FlaskForm):
    """The grid's quantities: only the CSRF token is a declared field."""


class UploadForm(FlaskForm):
    file = FileField(
        _l("CSV file"),
        description=_l("UTF-8 text, at most 1 MB and 1000 lines."),
        validators=[FileRequired(MESSAGES[FileErrorCode.NO_FILE])],
        render_kw={"accept": ".csv,text/csv,text/plain"},
    )


def grid_filters(args: Mapping[str, str]) -> GridFilters:
    """The grid's search, producer and page from a query string; bad values are dropped."""
    read = QueryArgs(args)
    return GridFilters(
        q=read.text("q", max_length=MAX_QUERY),
        producer=read.text("producer", max_length=220),
        page=read.number("page", 1, MAX_PAGE) or 1,
    )


def grid_rows(form: Mapping[str, str]) -> list[OrderRow]:
    """A row for each item code given a quantity in the grid, in the form's order; rows
    left empty or at 0 are no order."""
    return [
        order_row(None, name, value)
        for name, value in form.items()
        if parse_sku(name) is not None and not _NO_QUANTITY.fullmatch(value)
    ]
