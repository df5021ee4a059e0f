"""Finding an order for whoever asks: its buyer (signed in), anyone holding its access key
(the link in the confirmation mail), a guest who knows its number and e-mail, or staff."""

import hmac

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from storefront.accounts.models import Role, User
from storefront.extensions import db
from storefront.orders.models import Fulfilment, FulfilmentEvent, Order, OrderEvent, OrderLine
from storefront.pagination import Page, last_page


def find_order(number: str) -> Order | None:
    """The order numbered `number`, with its lines and their components, its events with
    who made them, and its fulfilments with their lines and events (seven queries, however
    much the order holds)."""
    return db.session.scalar(
        select(Order)
        .where(Order.number == number.strip().upper())
        .options(
            selectinload(Order.lines).selectinload(OrderLine.components),
            selectinload(Order.events).joinedload(OrderEvent.actor),
            selectinload(Order.fulfilments).options(
                selectinload(Fulfilment.lines),
                selectinload(Fulfilment.events).joinedload(FulfilmentEvent.actor),
            ),
        )
    )


def may_see(order: Order, *, user: User | None, key: str | None) -> bool:
    if user is not None and (user.role is Role.STAFF or order.user_id == user.id):
        return True
    if user is not None and _same_shop(order, user):
        return True
    return bool(key) and _same(order.access_key, key)


def _same_shop(order: Order, user: User) -> bool:
    """A shop's orders are seen by each of its members (while they are members)."""
    return user.role is Role.SHOP and user.shop_id is not None and order.shop_id == user.shop_id


def visible_order(number: str, *, user: User | None, key: str | None) -> Order | None:
    """The order numbered `number` when this user or key may see it; else None, whether
    or not it exists."""
    order = find_order(number)
    return order if order is not None and may_see(order, user=user, key=key) else None


def order_by_number_and_email(number: str, email: str) -> Order | None:
    """The order when both match; the same None whichever of the two is wrong."""
    order = find_order(number)
    if order is None:
        return None
    return order if _same(order.email, email.strip().lower()) else None


def _same(known: str, given: str) -> bool:
    """Compared in constant time; bytes, as compare_digest refuses non-ASCII text."""
    return hmac.compare_digest(known.encode(), given.encode())


def orders_of(user: User, *, page: int, per_page: int) -> Page[Order]:
    """A page of a signed-in buyer's orders, newest first, with their lines (three
    queries)."""
    return _page_of(select(Order).where(Order.user_id == user.id), page=page, per_page=per_page)


def shop_orders(shop_id: int, *, page: int, per_page: int) -> Page[Order]:
    """A page of every order the shop's members placed for it, newest first, with their
    lines and who placed each (four queries)."""
    ours = select(Order).where(Order.shop_id == shop_id).options(selectinload(Order.user))
    return _page_of(ours, page=page, per_page=per_page)


def _page_of(mine: Select[tuple[Order]], *, page: int, per_page: int) -> Page[Order]:
    total = db.session.scalar(select(func.count()).select_from(mine.subquery())) or 0
    page = max(1, min(page, last_page(total, per_page)))
    orders = db.session.scalars(
        mine.order_by(Order.placed_at.desc(), Order.id.desc())
        .options(selectinload(Order.lines))
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    return Page(list(orders), total, page, per_page)
