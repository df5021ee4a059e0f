"""Quotes for custom souvenir orders: an approved shop asks for prices on items and
quantities, with its branding or packaging wishes and a needed-by date; the producers
concerned (or staff) answer each line with a unit price and a date it holds until; the
shop then declines, lets it expire, or accepts it (quote_accept). A quote in the
requested state may be withdrawn by the shop.

The list price of each line is the shop's own tier price for its quantity, from the
pricing the cart and checkout use (cart.pricing.price_cart on the shop's PriceList).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from storefront.accounts.models import Role, User
from storefront.cart.lines import ItemKind, LineKey
from storefront.cart.pricing import LineProblem, PricedLine, price_cart
from storefront.cart.problems import problem_text
from storefront.extensions import db
from storefront.i18n import localized
from storefront.mail.outbox import queue_mail
from storefront.money import format_vnd
from storefront.producers.members import mail_members
from storefront.wholesale.models import Quote, QuoteLine, QuoteStatus, Shop, ShopStatus
from storefront.wholesale.price_list import PriceList
from storefront.wholesale.quote_errors import QuoteError, QuoteErrorCode

MAX_LINES = 20
MAX_QUANTITY = 9_999
MAX_WISHES = 2_000
MAX_NOTE = 1_000
MAX_UNIT_PRICE_VND = 100_000_000
MAX_VALIDITY_DAYS = 90

# What a line may lack now and still be quoted: the quote is about quantities and a later
# date, so the producer may make more and may agree to fewer than its minimum order.
_QUOTABLE = {None, LineProblem.ONLY_FEW_LEFT, LineProblem.SHORT_IN_CART, LineProblem.BELOW_MINIMUM}


@dataclass(frozen=True)
class QuoteItem:
    """One line a shop asks a price for."""

    kind: ItemKind
    item_id: int
    quantity: int

    @property
    def sku(self) -> str:
        """As wholesale.skus writes it."""
        return f"{'P' if self.kind is ItemKind.PRODUCT else 'C'}{self.item_id:05d}"


@dataclass(frozen=True)
class Answer:
    """A price for one line: each unit's price, the last day it holds, a note for the shop."""

    unit_price_vnd: int
    valid_until: date
    note: str = ""


def is_member(user: User, shop: Shop) -> bool:
    """The user belongs to this shop and the shop may buy wholesale."""
    return user.role is Role.SHOP and user.shop_id == shop.id and shop.status is ShopStatus.APPROVED


def may_answer(user: User, line: QuoteLine) -> bool:
    """Staff answer any line; a producer member the lines its producer fulfils."""
    if user.role is Role.STAFF:
        return True
    return user.role is Role.PRODUCER and user.producer_id == line.producer_id


def expired(quote: Quote, today: date) -> bool:
    """An answered quote whose prices no longer hold (it is not stored: it is a date)."""
    return quote.valid_until is not None and quote.valid_until < today


def request_quote(
    shop: Shop,
    *,
    user: User,
    items: Sequence[QuoteItem],
    wishes: str,
    needed_by: date | None,
    today: date,
    now: datetime,
) -> Quote:
    """Record the shop's request, priced on its terms as they are today, mail the
    producers concerned and commit. Raises QuoteError (nothing recorded) when the user is
    not a member of the approved shop, or a line is malformed, unknown or not for sale."""
    if not is_member(user, shop):
        raise QuoteError(QuoteErrorCode.NOT_ALLOWED)
    wishes = wishes.strip()
    _check_request(items, wishes, needed_by, today)
    priced = _priced_lines(shop, items, today)
    quote = Quote(
        shop_id=shop.id,
        requested_by_id=user.id,
        status=QuoteStatus.REQUESTED,
        wishes=wishes,
        needed_by=needed_by,
        created_at=now,
        lines=[
            QuoteLine(
                position=position,
                product_id=line.product.id if line.product else None,
                combo_id=line.combo.id if line.combo else None,
                producer_id=line.producer.id,
                quantity=line.quantity,
                list_price_vnd=line.item_price_vnd,
            )
            for position, line in enumerate(priced)
        ],
    )
    db.session.add(quote)
    db.session.flush()
    quote.number = f"Q-{today:%y}-{quote.id:06d}"
    db.session.flush()
    _mail_producers(quote, shop)
    db.session.commit()
    return quote


def _check_request(
    items: Sequence[QuoteItem], wishes: str, needed_by: date | None, today: date
) -> None:
    if not items:
        raise QuoteError(QuoteErrorCode.NO_LINES)
    if len(items) > MAX_LINES:
        raise QuoteError(QuoteErrorCode.TOO_MANY_LINES, most=MAX_LINES)
    seen: set[tuple[ItemKind, int]] = set()
    for row, item in enumerate(items):
        if not 1 <= item.quantity <= MAX_QUANTITY:
            raise QuoteError(
                QuoteErrorCode.INVALID_QUANTITY, row=row, sku=item.sku, most=MAX_QUANTITY
            )
        if (item.kind, item.item_id) in seen:
            raise QuoteError(QuoteErrorCode.DUPLICATE_ITEM, row=row, sku=item.sku)
        seen.add((item.kind, item.item_id))
    if len(wishes) > MAX_WISHES:
        raise QuoteError(QuoteErrorCode.WISHES_TOO_LONG, most=MAX_WISHES)
    if needed_by is not None and needed_by < today:
        raise QuoteError(QuoteErrorCode.NEEDED_BY_PASSED)


def _priced_lines(shop: Shop, items: Sequence[QuoteItem], today: date) -> list[PricedLine]:
    """Each item at the shop's price for its quantity, in the request's order."""
    lines = {LineKey(item.kind, item.item_id): item.quantity for item in items}
    priced = {
        line.key: line for line in price_cart(lines, today=today, prices=PriceList(shop)).lines
    }
    result = []
    for row, item in enumerate(items):
        line = priced.get(LineKey(item.kind, item.item_id))
        if line is None:
            raise QuoteError(QuoteErrorCode.UNKNOWN_ITEM, row=row, sku=item.sku)
        name = localized(line.item, "name")
        if line.problem is LineProblem.PACKAGING_UNAVAILABLE:
            raise QuoteError(QuoteErrorCode.NEEDS_PACKAGING, row=row, sku=item.sku, name=name)
        if line.problem not in _QUOTABLE:
            raise QuoteError(
                QuoteErrorCode.NOT_FOR_SALE,
                row=row,
                sku=item.sku,
                name=name,
                problem=problem_text(line),
            )
        result.append(line)
    return result


def _mail_producers(quote: Quote, shop: Shop) -> None:
    """Each producer concerned hears of the lines it is asked to price, and only those."""
    for producer_id in dict.fromkeys(line.producer_id for line in quote.lines):
        mail_members(
            producer_id,
            template="quote_requested",
            number=quote.number,
            shop_name=shop.name,
            wishes=quote.wishes,
            needed_by=quote.needed_by,
            lines=[line for line in quote.lines if line.producer_id == producer_id],
        )


def _locked(quote: Quote) -> Quote:
    """The quote and its lines as committed now, its row locked until the commit (on
    PostgreSQL), so two answers or decisions at once are applied one after the other."""
    db.session.execute(
        select(Quote)
        .where(Quote.id == quote.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    db.session.scalars(
        select(QuoteLine)
        .where(QuoteLine.quote_id == quote.id)
        .execution_options(populate_existing=True)
    ).all()
    return quote


def answer_lines(
    quote: Quote,
    *,
    user: User,
    answers: Mapping[int, Answer],
    today: date,
    now: datetime,
) -> Quote:
    """Price the lines `answers` names (by line id) and commit. When every line then has a
    price that still holds, the quote is answered: it holds until the earliest line's
    date, and the shop member who asked is mailed.

    Raises QuoteError (nothing changed) when the quote is no longer waiting for prices,
    when the user may not answer one of the lines, or an answer is out of bounds.
    """
    _locked(quote)
    try:
        _check_answers(quote, user=user, answers=answers, today=today)
    except QuoteError:
        db.session.rollback()  # and the lock with it
        raise
    lines = {line.id: line for line in quote.lines}
    for line_id, answer in answers.items():
        line = lines[line_id]
        note = answer.note.strip()
        if (line.unit_price_vnd, line.valid_until, line.answer_note) == (
            answer.unit_price_vnd,
            answer.valid_until,
            note,
        ):
            continue  # the same answer sent again: whoever gave it still gave it
        line.unit_price_vnd = answer.unit_price_vnd
        line.valid_until = answer.valid_until
        line.answer_note = note
        line.answered_by_id = user.id
        line.answered_at = now
    # An earlier answer that has lapsed meanwhile no longer counts: its line waits again.
    if all(line.valid_until is not None and line.valid_until >= today for line in quote.lines):
        quote.status = QuoteStatus.ANSWERED
        quote.answered_at = now
        quote.valid_until = min(line.valid_until for line in quote.lines)  # type: ignore[type-var]
        db.session.flush()
        _mail_shop(quote)
    db.session.commit()
    return quote


def _check_answers(quote: Quote, *, user: User, answers: Mapping[int, Answer], today: date) -> None:
    if quote.status is not QuoteStatus.REQUESTED:
        raise QuoteError(QuoteErrorCode.NOT_OPEN)
    if not answers:
        raise QuoteError(QuoteErrorCode.NO_ANSWER)
    lines = {line.id: line for line in quote.lines}
    last = today + timedelta(days=MAX_VALIDITY_DAYS)
    for line_id, answer in answers.items():
        line = lines.get(line_id)
        if line is None or not may_answer(user, line):
            raise QuoteError(QuoteErrorCode.NOT_ALLOWED)
        _check_answer(line, answer, today=today, last=last)


def _check_answer(line: QuoteLine, answer: Answer, *, today: date, last: date) -> None:
    item = localized(line.product or line.combo, "name")
    price = answer.unit_price_vnd
    whole = isinstance(price, int) and not isinstance(price, bool)
    if not whole or not 1 <= price <= MAX_UNIT_PRICE_VND:
        raise QuoteError(
            QuoteErrorCode.INVALID_PRICE, item=item, most=format_vnd(MAX_UNIT_PRICE_VND)
        )
    if not today <= answer.valid_until <= last:
        raise QuoteError(QuoteErrorCode.INVALID_VALIDITY, item=item, last=last.isoformat())
    if len(answer.note.strip()) > MAX_NOTE:
        raise QuoteError(QuoteErrorCode.NOTE_TOO_LONG, item=item, most=MAX_NOTE)


def _mail_shop(quote: Quote) -> None:
    asker = quote.requested_by
    queue_mail(
        to=asker.email,
        template="quote_answered",
        locale=asker.locale,
        name=asker.name,
        quote=quote,
        total_vnd=quoted_total(quote.lines),
    )


def line_totals(lines: Iterable[QuoteLine]) -> dict[int, int]:
    """Each priced line's total at its quoted price, by line id."""
    return {
        line.id: line.unit_price_vnd * line.quantity
        for line in lines
        if line.unit_price_vnd is not None
    }


def quoted_total(lines: Iterable[QuoteLine]) -> int | None:
    """What the lines come to at their quoted prices; None while one has no price."""
    lines = list(lines)
    if any(line.unit_price_vnd is None for line in lines):
        return None
    return sum(line_totals(lines).values())


def list_total(lines: Iterable[QuoteLine]) -> int:
    """What the lines came to at the shop's own prices when it asked."""
    return sum(line.list_price_vnd * line.quantity for line in lines)


def decline_quote(quote: Quote, *, user: User, now: datetime) -> None:
    """The shop says no to an answered quote (expired or not); commits. Raises QuoteError."""
    _decide(quote, user=user, now=now, was=QuoteStatus.ANSWERED, to=QuoteStatus.DECLINED)


def withdraw_quote(quote: Quote, *, user: User, now: datetime) -> None:
    """The shop takes back a request not yet answered; commits. Raises QuoteError."""
    _decide(quote, user=user, now=now, was=QuoteStatus.REQUESTED, to=QuoteStatus.WITHDRAWN)


def _decide(quote: Quote, *, user: User, now: datetime, was: QuoteStatus, to: QuoteStatus) -> None:
    if not is_member(user, quote.shop):
        raise QuoteError(QuoteErrorCode.NOT_ALLOWED)
    _locked(quote)
    if quote.status is not was:
        db.session.rollback()  # and the lock with it
        raise QuoteError(
            QuoteErrorCode.NOT_OPEN if was is QuoteStatus.REQUESTED else QuoteErrorCode.NOT_ANSWERED
        )
    quote.status = to
    quote.decided_at = now
    db.session.commit()
