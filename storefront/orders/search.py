"""Staff's list of every order: its filters read from a query string, one page of orders
with what the rows show (a fixed number of queries), and the same list in batches for the
CSV export (read from where the last batch ended, so memory stays flat)."""

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, Row, Subquery, false, func, or_, select, tuple_
from sqlalchemy.orm import selectinload

from storefront.accounts.contact import normalize_phone
from storefront.accounts.errors import InvalidPhone
from storefront.clock import VIETNAM
from storefront.extensions import db
from storefront.orders.models import Fulfilment, Order, OrderLine, OrderStatus, PaymentMethod
from storefront.pagination import Page, last_page
from storefront.producers.models import Producer
from storefront.producers.places import province_choices
from storefront.query_args import QueryArgs
from storefront.text import fold

MAX_PAGE = 100_000
MAX_ID = 2**31 - 1
EXPORT_BATCH = 1000  # orders read from the database at a time
MIN_PART = 3  # letters of a name or e-mail searched as a part (trigram indexes need three)
_NUMBER = re.compile(r"OCOP-\d{2}-\d+", re.IGNORECASE)
_PHONE_LIKE = re.compile(r"\+?[\d\s.()-]+")  # digits as people write numbers
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # never typed; PostgreSQL refuses NUL in text
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")  # what a date field sends; what Vietnamese type
_DATES = (date(2000, 1, 1), date(2099, 12, 31))  # far wider than any order's


@dataclass(frozen=True)
class OrderFilters:
    """What staff narrow the list by; placed dates are Vietnam's dates, both inclusive."""

    q: str = ""
    status: OrderStatus | None = None
    payment: PaymentMethod | None = None
    producer: int | None = None
    province: int | None = None
    placed_from: date | None = None
    placed_to: date | None = None

    @property
    def active(self) -> bool:
        return self != OrderFilters()

    def query_args(self) -> dict[str, str]:
        """The filters in force as query parameters (what `parse_order_filters` reads)."""
        names = {"placed_from": "from", "placed_to": "to"}
        return {
            names.get(name, name): value.isoformat() if isinstance(value, date) else str(value)
            for name, value in asdict(self).items()
            if value not in (None, "")
        }


@dataclass
class ParsedOrderFilters:
    filters: OrderFilters
    page: int = 1
    problems: dict[str, str] = field(default_factory=dict)  # parameter -> what was wrong


def parse_order_filters(args: Mapping[str, str]) -> ParsedOrderFilters:
    """Read the filters leniently: a bad value is left out and reported in `problems`.
    Needs a request (or app) context for the messages."""
    read = QueryArgs(args)
    province = read.number("province", 1, 999)
    if province is not None and province not in dict(province_choices()):
        read.problems["province"] = _("is not a province or city")
        province = None
    placed_from, placed_to = _date(read, "from"), _date(read, "to")
    if placed_from and placed_to and placed_to < placed_from:
        read.problems["to"] = _("is before the start date")
        placed_to = None
    filters = OrderFilters(
        q=_CONTROL.sub("", read.text("q", max_length=100)),
        status=read.choice("status", OrderStatus),
        payment=read.choice("payment", PaymentMethod),
        producer=read.number("producer", 1, MAX_ID),
        province=province,
        placed_from=placed_from,
        placed_to=placed_to,
    )
    return ParsedOrderFilters(filters, read.number("page", 1, MAX_PAGE) or 1, read.problems)


def _date(read: QueryArgs, name: str) -> date | None:
    raw = read.text(name, max_length=20)
    for pattern in _DATE_FORMATS if raw else ():
        try:
            day = datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
        if _DATES[0] <= day <= _DATES[1]:
            return day
    if raw:
        read.problems[name] = _("must be a date such as %(example)s", example="2026-01-31")
    return None


def list_orders(filters: OrderFilters, *, page: int, per_page: int) -> Page[Order]:
    """The orders that match, newest first, each with its fulfilments (whose producers the
    rows show); three queries, whatever the orders hold. A page past the end is the last."""
    conditions = _conditions(filters)
    # count(*), which PostgreSQL can answer from an index alone.
    total = db.session.scalar(select(func.count()).select_from(Order).where(*conditions)) or 0
    page = min(page, last_page(total, per_page))
    orders = db.session.scalars(
        select(Order)
        .where(*conditions)
        .order_by(Order.placed_at.desc(), Order.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
        .options(selectinload(Order.fulfilments))
    )
    return Page(list(orders), total, page, per_page)


@dataclass(frozen=True)
class ExportedOrder:
    """An order as the CSV export gives it: its own columns, its lines as (quantity, name)
    and the names of its producers."""

    number: str
    placed_at: datetime
    status: OrderStatus
    payment_method: PaymentMethod
    buyer_name: str
    email: str
    buyer_phone: str
    recipient_name: str
    recipient_phone: str
    province_code: int
    ward_code: int
    subtotal_vnd: int
    shipping_vnd: int
    total_vnd: int
    items: tuple[tuple[int, str], ...]
    producers: tuple[str, ...]


_EXPORTED_COLUMNS = [
    getattr(Order, column.name)
    for column in fields(ExportedOrder)
    if column.name not in ("items", "producers")
]


def order_batches(
    filters: OrderFilters, *, size: int = EXPORT_BATCH
) -> Iterator[list[ExportedOrder]]:
    """The same orders, newest first, `size` at a time; three queries a batch (the orders,
    their lines, their producers), each batch starting after the last one's final order.
    Plain rows, not models: nothing piles up in the session however many there are."""
    conditions = _conditions(filters)
    after: tuple[datetime, int] | None = None
    while True:
        query = (
            select(Order.id, *_EXPORTED_COLUMNS)
            .where(*conditions)
            .order_by(Order.placed_at.desc(), Order.id.desc())
            .limit(size)
        )
        if after is not None:
            query = query.where(tuple_(Order.placed_at, Order.id) < after)
        rows = db.session.execute(query).all()
        if rows:
            yield _exported(rows, query.with_only_columns(Order.id).subquery())
        if len(rows) < size:
            return
        after = (rows[-1].placed_at, rows[-1].id)


def _exported(rows: Sequence[Row], batch: Subquery) -> list[ExportedOrder]:
    """The rows with their lines and producers, read by joining the batch's own query (a
    thousand ids as parameters would cost more to send than to run it again)."""
    items: dict[int, list[tuple[int, str]]] = defaultdict(list)
    lines = (
        select(OrderLine.order_id, OrderLine.quantity, OrderLine.name)
        .join(batch, batch.c.id == OrderLine.order_id)
        .order_by(OrderLine.order_id, OrderLine.position)
    )
    for order_id, quantity, name in db.session.execute(lines):
        items[order_id].append((quantity, name))
    producers: dict[int, list[str]] = defaultdict(list)
    parts = (
        select(Fulfilment.order_id, Fulfilment.producer_name)
        .join(batch, batch.c.id == Fulfilment.order_id)
        .order_by(Fulfilment.id)
    )
    for order_id, name in db.session.execute(parts):
        producers[order_id].append(name)
    return [
        ExportedOrder(*row[1:], items=tuple(items[row.id]), producers=tuple(producers[row.id]))
        for row in rows
    ]


def producer_choices() -> list[tuple[int, str]]:
    """(id, name) of every producer, by name as Vietnamese sort it loosely (one query)."""
    rows = db.session.execute(select(Producer.id, Producer.name)).all()
    return sorted(((id_, name) for id_, name in rows), key=lambda row: fold(row[1]))


def _conditions(filters: OrderFilters) -> list[ColumnElement[bool]]:
    conditions = []
    if filters.q:
        conditions.append(_matching(filters.q))
    if filters.status is not None:
        conditions.append(Order.status == filters.status)
    if filters.payment is not None:
        conditions.append(Order.payment_method == filters.payment)
    if filters.producer is not None:
        part = select(Fulfilment.id).where(
            Fulfilment.order_id == Order.id, Fulfilment.producer_id == filters.producer
        )
        conditions.append(part.exists())
    if filters.province is not None:
        conditions.append(Order.province_code == filters.province)
    if filters.placed_from is not None:
        conditions.append(Order.placed_at >= _start_in_utc(filters.placed_from))
    if filters.placed_to is not None:
        conditions.append(Order.placed_at < _start_in_utc(filters.placed_to + timedelta(days=1)))
    return conditions


def _matching(text: str) -> ColumnElement[bool]:
    """Orders that the search box names: by number ("OCOP-26-000123", or "123"), by the
    buyer's or recipient's phone in any usual form, else by part of the e-mail address or
    of the buyer's or recipient's name, diacritics or not (one or two letters: a whole
    word of a name, so "an" finds An, not every Lan and Xuân)."""
    if _NUMBER.fullmatch(text):
        return Order.number == text.upper()
    if _PHONE_LIKE.fullmatch(text):
        found = []
        phone = _phone(text)
        if phone is not None:
            found.append(or_(Order.buyer_phone == phone, Order.recipient_phone == phone))
        if text.isdigit() and len(text) <= 9:
            # The checkout numbers an order after its id: OCOP-<year>-<id, six digits>.
            found.append(Order.id == int(text))
        return or_(*found) if found else false()
    folded = fold(text)
    if len(folded) < MIN_PART:
        names = Order.search_folded
        return or_(
            names.startswith(f"{folded} ", autoescape=True),
            names.contains(f" {folded} ", autoescape=True),
            names.endswith(f" {folded}", autoescape=True),
        )
    return or_(
        Order.email.contains(text.lower(), autoescape=True),
        Order.search_folded.contains(folded, autoescape=True),
    )


def _phone(text: str) -> str | None:
    try:
        return normalize_phone(text)
    except InvalidPhone:
        return None


def _start_in_utc(day: date) -> datetime:
    """When `day` begins in Vietnam, as the naive UTC the columns store."""
    start = datetime.combine(day, time(), tzinfo=VIETNAM)
    return start.astimezone(UTC).replace(tzinfo=None)
