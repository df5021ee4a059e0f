"""What a producer's order pages show: its own fulfilments (its part of each order) by
status, one of them found by id, their lines for the CSV export, and its sales of a month.
Every query is scoped to the producer: another producer's part is never found."""

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, func, select, true
from sqlalchemy.orm import joinedload, selectinload
from vietnam_provinces import Province, ProvinceCode

from storefront.catalog.models import add_months
from storefront.clock import VIETNAM
from storefront.extensions import db
from storefront.orders.fulfilment import PRODUCER_MOVES, READY
from storefront.orders.models import (
    Fulfilment,
    FulfilmentEvent,
    FulfilmentStatus,
    LineKind,
    Order,
    OrderLine,
    OrderStatus,
)
from storefront.pagination import Page, last_page
from storefront.producers.models import Producer

Status = FulfilmentStatus
UNSENT = (Status.PENDING, Status.PACKED)
# Orders whose sales count: settled (paid, or confirmed for cash on delivery) or further.
SOLD = frozenset(
    set(OrderStatus) - {OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCELLED, OrderStatus.REFUNDED}
)
EXPORT_BATCH = 500  # rows read from the database at a time


class Tab(enum.StrEnum):
    """The list's filter: every part, what to work on now, or one status."""

    ALL = "all"
    TO_DO = "todo"  # pending or packed, of an order ready to work on
    PENDING = "pending"
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class Hold(enum.StrEnum):
    """Why an unsent part cannot move on."""

    PAYMENT = "payment"  # the order awaits payment
    STOPPED = "stopped"  # the order was refunded: nothing to send


@dataclass(frozen=True)
class Standing:
    """A part of an order and what its producer may do with it now."""

    part: Fulfilment
    next_move: FulfilmentStatus | None
    hold: Hold | None


@dataclass(frozen=True)
class PartsPage:
    parts: Page[Standing]
    counts: dict[Tab, int]  # how many parts each tab holds


def standing(part: Fulfilment) -> Standing:
    order_status = part.order.status
    if order_status in READY:
        return Standing(part, PRODUCER_MOVES.get(part.status), None)
    hold = None
    if part.status in UNSENT:
        hold = Hold.PAYMENT if order_status is OrderStatus.AWAITING_PAYMENT else Hold.STOPPED
    return Standing(part, None, hold)


def _in_tab(tab: Tab) -> ColumnElement[bool]:
    if tab is Tab.ALL:
        return true()
    if tab is Tab.TO_DO:
        return and_(Fulfilment.status.in_(UNSENT), Order.status.in_(READY))
    return Fulfilment.status == Status(tab.value)


def tab_counts(producer: Producer) -> dict[Tab, int]:
    """How many of the producer's parts each tab holds; one query."""
    counts = dict.fromkeys(Tab, 0)
    rows = db.session.execute(
        select(Fulfilment.status, Order.status, func.count())
        .join(Order, Order.id == Fulfilment.order_id)
        .where(Fulfilment.producer_id == producer.id)
        .group_by(Fulfilment.status, Order.status)
    )
    for part_status, order_status, count in rows:
        counts[Tab.ALL] += count
        counts[Tab(part_status.value)] += count
        if part_status in UNSENT and order_status in READY:
            counts[Tab.TO_DO] += count
    return counts


def own_parts(producer: Producer, *, tab: Tab, page: int, per_page: int) -> PartsPage:
    """A page of the producer's parts in `tab`, newest order first, each with its order and
    lines: three queries whatever their number."""
    counts = tab_counts(producer)
    page = min(page, last_page(counts[tab], per_page))
    parts = db.session.scalars(
        select(Fulfilment)
        .join(Fulfilment.order)
        .where(Fulfilment.producer_id == producer.id, _in_tab(tab))
        .order_by(Order.placed_at.desc(), Fulfilment.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
        .options(joinedload(Fulfilment.order), selectinload(Fulfilment.lines))
    ).all()
    return PartsPage(Page([standing(p) for p in parts], counts[tab], page, per_page), counts)


def find_own_part(producer: Producer, fulfilment_id: int) -> Fulfilment | None:
    """The producer's part with this id, with its order, lines (and their combos'
    components) and history; None for another producer's part, or none."""
    return db.session.scalar(
        select(Fulfilment)
        .where(Fulfilment.id == fulfilment_id, Fulfilment.producer_id == producer.id)
        .options(
            joinedload(Fulfilment.order),
            selectinload(Fulfilment.lines).selectinload(OrderLine.components),
            selectinload(Fulfilment.events).joinedload(FulfilmentEvent.actor),
        )
    )


# --- The CSV export ---


class ExportLine(NamedTuple):
    """One line of one of the producer's parts, as the CSV export gives it."""

    number: str
    placed_at: datetime
    status: FulfilmentStatus
    name: str
    quantity: int
    unit_price_vnd: int
    total_vnd: int
    recipient_name: str
    province: str
    carrier: str | None
    tracking_number: str | None
    shipped_at: datetime | None
    delivered_at: datetime | None


def export_lines(producer: Producer, *, tab: Tab) -> Iterator[ExportLine]:
    """The lines of the producer's parts in `tab`, newest order first, read from the
    database EXPORT_BATCH rows at a time however many there are."""
    rows = db.session.execute(
        select(
            Order.number,
            Order.placed_at,
            Fulfilment.status,
            OrderLine.name,
            OrderLine.quantity,
            OrderLine.unit_price_vnd,
            OrderLine.total_vnd,
            Order.recipient_name,
            Order.province_code,
            Fulfilment.carrier,
            Fulfilment.tracking_number,
            Fulfilment.shipped_at,
            Fulfilment.delivered_at,
        )
        .join(Fulfilment, OrderLine.fulfilment_id == Fulfilment.id)
        .join(Order, Order.id == Fulfilment.order_id)
        .where(Fulfilment.producer_id == producer.id, _in_tab(tab))
        .order_by(Order.placed_at.desc(), Fulfilment.id.desc(), OrderLine.position)
        .execution_options(yield_per=EXPORT_BATCH)
    )
    provinces: dict[int, str] = {}
    for row in rows:
        code = row.province_code
        if code not in provinces:
            provinces[code] = Province.from_code(ProvinceCode(code)).name
        yield ExportLine(*row[:8], provinces[code], *row[9:])


# --- The monthly sales summary ---


@dataclass(frozen=True)
class ItemSales:
    """A product or combo of the producer and what it sold in the month."""

    kind: LineKind
    name: str
    unit: str | None
    units: int
    revenue_vnd: int


@dataclass(frozen=True)
class MonthSales:
    month: date  # its first day
    items: list[ItemSales]
    orders: int

    @property
    def units(self) -> int:
        return sum(item.units for item in self.items)

    @property
    def revenue_vnd(self) -> int:
        return sum(item.revenue_vnd for item in self.items)

    @property
    def previous(self) -> date:
        return add_months(self.month, -1)

    @property
    def next(self) -> date:
        return add_months(self.month, 1)


def parse_month(raw: str) -> date | None:
    """ "2026-03" -> 1 March 2026; None for anything else."""
    year, dash, month = raw.strip().partition("-")
    if not (dash and len(year) == 4 and year.isdigit() and len(month) == 2 and month.isdigit()):
        return None
    if not (2000 <= int(year) <= 2999 and 1 <= int(month) <= 12):
        return None
    return date(int(year), int(month), 1)


def _utc_start(day: date) -> datetime:
    """Midnight in Vietnam starting `day`, as a stored (naive UTC) moment."""
    midnight = datetime(day.year, day.month, day.day, tzinfo=VIETNAM)
    return midnight.astimezone(UTC).replace(tzinfo=None)


def month_sales(producer: Producer, *, month: date) -> MonthSales:
    """Units and revenue of each of the producer's products and combos in the orders placed
    in `month` (Vietnam time) that sold: paid or confirmed, or further, and neither
    cancelled nor refunded. Best sellers first; two queries."""
    start = month.replace(day=1)
    sold_in_month = (
        OrderLine.producer_id == producer.id,
        Order.status.in_(SOLD),
        Order.placed_at >= _utc_start(start),
        Order.placed_at < _utc_start(add_months(start, 1)),
    )
    revenue = func.sum(OrderLine.total_vnd)
    rows = db.session.execute(
        select(
            OrderLine.kind,
            func.max(OrderLine.name),
            func.max(OrderLine.unit),
            func.sum(OrderLine.quantity),
            revenue,
        )
        .join(Order, Order.id == OrderLine.order_id)
        .where(*sold_in_month)
        .group_by(OrderLine.kind, OrderLine.product_id, OrderLine.combo_id)
        .order_by(revenue.desc(), func.max(OrderLine.name))
    )
    orders = db.session.scalar(
        select(func.count(func.distinct(OrderLine.order_id)))
        .join(Order, Order.id == OrderLine.order_id)
        .where(*sold_in_month)
    )
    return MonthSales(start, [ItemSales(*row) for row in rows], orders or 0)
