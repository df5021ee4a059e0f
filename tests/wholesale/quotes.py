"""Quotes made and answered directly through the domain functions, for tests that start
after a shop asked (test_quotes goes through the forms)."""

from collections.abc import Sequence
from datetime import date, timedelta

from storefront.accounts.models import Role, User
from storefront.cart.lines import ItemKind
from storefront.catalog.models import Product
from storefront.clock import today_in_vietnam, utcnow
from storefront.combos.models import Combo
from storefront.extensions import db
from storefront.wholesale.models import Quote, Shop
from storefront.wholesale.quotes import Answer, QuoteItem, answer_lines, request_quote
from tests.factories import UserFactory


def item(thing: Product | Combo, quantity: int) -> QuoteItem:
    kind = ItemKind.PRODUCT if isinstance(thing, Product) else ItemKind.COMBO
    return QuoteItem(kind, thing.id, quantity)


def ask(
    shop: Shop,
    lines: Sequence[tuple[Product | Combo, int]],
    *,
    user: User | None = None,
    wishes: str = "Logo của khách sạn trên hộp.",
    needed_by: date | None = None,
) -> Quote:
    """The shop's owner (or `user`) asks for these lines; committed."""
    asker = user or db.session.get(User, shop.owner_id)
    return request_quote(
        shop,
        user=asker,  # type: ignore[arg-type]
        items=[item(thing, quantity) for thing, quantity in lines],
        wishes=wishes,
        needed_by=needed_by or today_in_vietnam() + timedelta(days=30),
        today=today_in_vietnam(),
        now=utcnow(),
    )


def staff_user() -> User:
    user = UserFactory(role=Role.STAFF)
    db.session.flush()
    return user


def answer_all(quote: Quote, prices: Sequence[int], *, days: Sequence[int] | None = None) -> Quote:
    """Staff price every line (in order), each holding `days` (default 30) from today."""
    today = today_in_vietnam()
    holds = days or [30] * len(prices)
    return answer_lines(
        quote,
        user=staff_user(),
        answers={
            line.id: Answer(price, today + timedelta(days=hold))
            for line, price, hold in zip(quote.lines, prices, holds, strict=True)
        },
        today=today,
        now=utcnow(),
    )
