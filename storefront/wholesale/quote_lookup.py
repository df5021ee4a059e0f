"""Finding quotes for whoever may see them: a shop its own, a producer those that include
its items (and of them only its own lines), staff all. Each list loads in a fixed number
of queries."""

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import joinedload, selectinload

from storefront.extensions import db
from storefront.pagination import Page, last_page
from storefront.wholesale.models import Quote, QuoteLine, QuoteStatus, Shop


@dataclass(frozen=True)
class ProducerQuote:
    """A quote as one producer sees it: the request, and its own lines alone."""

    quote: Quote
    lines: list[QuoteLine]

    @property
    def waiting(self) -> bool:
        """The quote waits for this producer's prices on some line."""
        return self.quote.status is QuoteStatus.REQUESTED and any(
            line.unit_price_vnd is None for line in self.lines
        )


def _line_loading() -> list:
    return [
        selectinload(QuoteLine.product),
        selectinload(QuoteLine.combo),
        selectinload(QuoteLine.producer),
    ]


def _page(query: Select, *, page: int, per_page: int) -> Page[Quote]:
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    page = min(max(page, 1), last_page(total or 0, per_page))
    items = list(db.session.scalars(query.limit(per_page).offset((page - 1) * per_page)))
    return Page(items=items, total=total or 0, page=page, per_page=per_page)


def shop_quotes(shop_id: int, *, page: int = 1, per_page: int = 20) -> Page[Quote]:
    """The shop's quotes, newest first, with their lines."""
    query = (
        select(Quote)
        .where(Quote.shop_id == shop_id)
        .options(selectinload(Quote.lines).options(*_line_loading()))
        .order_by(Quote.created_at.desc(), Quote.id.desc())
    )
    return _page(query, page=page, per_page=per_page)


def full_quote(number: str) -> Quote | None:
    """The quote with this number, its shop, who asked and every line."""
    return db.session.scalar(
        select(Quote)
        .where(Quote.number == number)
        .options(
            joinedload(Quote.shop),
            joinedload(Quote.requested_by),
            selectinload(Quote.lines).options(*_line_loading()),
        )
    )


def shop_quote(shop: Shop, number: str) -> Quote | None:
    """The shop's quote with this number; None when there is none or it is another's."""
    quote = full_quote(number)
    return quote if quote is not None and quote.shop_id == shop.id else None


def _own_lines(producer_id: int, quote_ids: list[int]) -> dict[int, list[QuoteLine]]:
    rows = db.session.scalars(
        select(QuoteLine)
        .where(QuoteLine.producer_id == producer_id, QuoteLine.quote_id.in_(quote_ids))
        .options(*_line_loading())
        .order_by(QuoteLine.quote_id, QuoteLine.position)
    )
    lines: dict[int, list[QuoteLine]] = defaultdict(list)
    for line in rows:
        lines[line.quote_id].append(line)
    return lines


def producer_quotes(producer_id: int, *, page: int = 1, per_page: int = 20) -> Page[ProducerQuote]:
    """Quotes with a line the producer fulfils, those waiting for prices first, newest
    first; each with the producer's own lines only."""
    concerned = select(QuoteLine.quote_id).where(QuoteLine.producer_id == producer_id)
    query = (
        select(Quote)
        .where(Quote.id.in_(concerned))
        .options(joinedload(Quote.shop))
        .order_by(
            case((Quote.status == QuoteStatus.REQUESTED, 0), else_=1),
            Quote.created_at.desc(),
            Quote.id.desc(),
        )
    )
    found = _page(query, page=page, per_page=per_page)
    lines = _own_lines(producer_id, [quote.id for quote in found.items])
    return Page(
        items=[ProducerQuote(quote, lines[quote.id]) for quote in found.items],
        total=found.total,
        page=found.page,
        per_page=found.per_page,
    )


def producer_quote(producer_id: int, number: str) -> ProducerQuote | None:
    """The quote with this number as the producer sees it; None when it has no line of
    the producer's (to the producer it does not exist)."""
    quote = db.session.scalar(
        select(Quote).where(Quote.number == number).options(joinedload(Quote.shop))
    )
    if quote is None:
        return None
    lines = _own_lines(producer_id, [quote.id]).get(quote.id)
    return ProducerQuote(quote, lines) if lines else None


def staff_quotes(
    status: QuoteStatus | None, *, page: int = 1, per_page: int = 30
) -> tuple[Page[Quote], dict[QuoteStatus | None, int]]:
    """Every quote (or those in `status`), those waiting for prices first, then newest;
    and how many there are in each status (None: all)."""
    query = select(Quote).options(
        joinedload(Quote.shop), selectinload(Quote.lines).options(*_line_loading())
    )
    if status is not None:
        query = query.where(Quote.status == status)
    query = query.order_by(
        case((Quote.status == QuoteStatus.REQUESTED, 0), else_=1),
        Quote.created_at.desc(),
        Quote.id.desc(),
    )
    counts: dict[QuoteStatus | None, int] = dict.fromkeys([None, *QuoteStatus], 0)
    for each, count in db.session.execute(
        select(Quote.status, func.count()).group_by(Quote.status)
    ):
        counts[each] = count
        counts[None] += count
    return _page(query, page=page, per_page=per_page), counts
