"""Accepting a quote: it becomes an order at the quoted prices, placed by the checkout's
place_order (which reserves the stock then), and the quote records its order in the
same transaction. Two accepts at once make one order: the quote moves from answered to
accepted by one conditional UPDATE whose row count is checked."""

from datetime import datetime

from sqlalchemy import update

from storefront.accounts.models import User
from storefront.cart.lines import ItemKind, LineKey, Lines
from storefront.cart.pricing import price_cart
from storefront.cart.problems import problem_text
from storefront.checkout.details import Checkout
from storefront.checkout.placing import CheckoutRules, place_order
from storefront.clock import today_in_vietnam
from storefront.extensions import db
from storefront.i18n import localized
from storefront.orders.models import Order
from storefront.wholesale.models import Quote, QuoteLine, QuoteStatus
from storefront.wholesale.price_list import PriceList
from storefront.wholesale.quote_errors import QuoteError, QuoteErrorCode
from storefront.wholesale.quotes import expired, is_member


class QuoteCart:
    """A quote's lines as the cart place_order reads: not the shop's own cart, which
    accepting a quote leaves as it is (so emptying this one does nothing)."""

    def __init__(self, lines: Lines) -> None:
        self._lines = dict(lines)

    def lines(self) -> Lines:
        return dict(self._lines)

    def put(self, key: LineKey, quantity: int) -> None:
        """A quote's lines are agreed: nothing changes them."""

    def clear(self) -> None:
        """The quote keeps its lines; the shop's cart is another store."""


def _key(line: QuoteLine) -> LineKey:
    if line.product_id is not None:
        return LineKey(ItemKind.PRODUCT, line.product_id)
    return LineKey(ItemKind.COMBO, line.combo_id)  # type: ignore[arg-type]


def order_lines(quote: Quote) -> Lines:
    return {_key(line): line.quantity for line in quote.lines}


def quoted_prices(quote: Quote) -> PriceList:
    """The shop's price list with each item at the price quoted for it."""
    return PriceList.quoted(
        quote.shop,
        {(_key(line).kind, _key(line).item_id): line.unit_price_vnd for line in quote.lines},  # type: ignore[misc]
    )


def check_acceptable(quote: Quote, *, user: User, now: datetime) -> None:
    """Raises QuoteError unless a member of the quote's shop may accept it now: answered,
    not expired, every item still for sale in the quoted quantity."""
    if not is_member(user, quote.shop):
        raise QuoteError(QuoteErrorCode.NOT_ALLOWED)
    if quote.status is not QuoteStatus.ANSWERED:
        raise QuoteError(
            QuoteErrorCode.ALREADY_DECIDED
            if quote.status is QuoteStatus.ACCEPTED
            else QuoteErrorCode.NOT_ANSWERED
        )
    if expired(quote, today_in_vietnam(now)):
        raise QuoteError(QuoteErrorCode.EXPIRED, date=quote.valid_until.isoformat())  # type: ignore[union-attr]
    lines = order_lines(quote)
    priced = price_cart(lines, today=today_in_vietnam(now), prices=quoted_prices(quote))
    found = {line.key for line in priced.lines}
    for line in quote.lines:
        if _key(line) not in found:
            item = line.product or line.combo
            raise QuoteError(
                QuoteErrorCode.ITEM_UNAVAILABLE,
                name=localized(item, "name") if item else "",
                problem="",
            )
    for line in priced.problems:
        raise QuoteError(
            QuoteErrorCode.ITEM_UNAVAILABLE,
            name=localized(line.item, "name"),
            problem=problem_text(line),
        )


def accept_quote(
    quote: Quote,
    details: Checkout,
    *,
    user: User,
    locale: str,
    rules: CheckoutRules,
    now: datetime,
) -> Order:
    """Place the order the quote agreed, at its prices, for its shop; the quote is then
    accepted and points at the order; commits once.

    Raises QuoteError when the quote cannot be accepted (see check_acceptable) or was
    decided meanwhile; CheckoutError or ShippingError as placing an order does (a unit
    short, the credit limit...). Nothing is ordered or changed then.
    """
    check_acceptable(quote, user=user, now=now)
    quote_id = quote.id
    today = today_in_vietnam(now)

    def record(order: Order) -> None:
        accepted = db.session.execute(
            update(Quote)
            .where(
                Quote.id == quote_id,
                Quote.status == QuoteStatus.ANSWERED,
                Quote.valid_until >= today,
            )
            .values(status=QuoteStatus.ACCEPTED, decided_at=now, order_id=order.id)
            .execution_options(synchronize_session=False)
        )
        if accepted.rowcount != 1:
            raise QuoteError(QuoteErrorCode.ALREADY_DECIDED)

    try:
        order = place_order(
            order_lines(quote),
            details,
            buyer=user,
            cart=QuoteCart(order_lines(quote)),
            locale=locale,
            rules=rules,
            now=now,
            prices=quoted_prices(quote),
            on_placed=record,
        )
    except QuoteError:
        db.session.rollback()
        raise
    db.session.expire(quote)
    return order
