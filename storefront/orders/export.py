"""CSV downloads: UTF-8 with a byte-order mark (so spreadsheets read Vietnamese right),
written in pieces as the rows come, with text that a spreadsheet would run as a formula
made plain; and staff's order list as such rows."""

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache

from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

from storefront.clock import VIETNAM
from storefront.orders.models import OrderStatus, PaymentMethod
from storefront.orders.search import ExportedOrder

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: object) -> object:
    """Text a spreadsheet would run as a formula ("=HYPERLINK(...)") gets a leading
    apostrophe, so it shows as text; numbers stay numbers."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def csv_chunks(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, rows_per_chunk: int = 500
) -> Iterator[str]:
    """CSV text in pieces to stream: a byte-order mark first (Excel then reads the UTF-8 as
    such, Vietnamese included), the header, then the rows, every cell spreadsheet-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow([spreadsheet_safe(cell) for cell in header])
    for count, row in enumerate(rows, start=1):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
        if count % rows_per_chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def in_vietnam(moment: datetime) -> str:
    """A stored (naive UTC) moment as Vietnam's wall clock: "2026-03-05 14:20"."""
    return moment.replace(tzinfo=UTC).astimezone(VIETNAM).strftime("%Y-%m-%d %H:%M")


def order_rows(
    orders: Iterable[ExportedOrder],
    *,
    statuses: Mapping[OrderStatus, str],
    payments: Mapping[PaymentMethod, str],
) -> Iterator[list[object]]:
    """One row per order: number, placed at, status, payment method, buyer, e-mail, phone,
    recipient, recipient's phone, province, ward, items ("2 × Gạo ST25; 1 × ..."),
    subtotal, shipping, total, producers."""
    for order in orders:
        yield [
            order.number,
            in_vietnam(order.placed_at),
            statuses[order.status],
            payments[order.payment_method],
            order.buyer_name,
            order.email,
            order.buyer_phone,
            order.recipient_name,
            order.recipient_phone,
            _province_name(order.province_code),
            _ward_name(order.ward_code),
            "; ".join(f"{quantity} × {name}" for quantity, name in order.items),
            order.subtotal_vnd,
            order.shipping_vnd,
            order.total_vnd,
            "; ".join(order.producers),
        ]


@cache
def _province_name(code: int) -> str:
    return Province.from_code(ProvinceCode(code)).name


@cache
def _ward_name(code: int) -> str:
    return Ward.from_code(WardCode(code)).name
