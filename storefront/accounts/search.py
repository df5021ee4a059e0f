"""The staff's list of users, searched by e-mail address or name."""

import enum

from sqlalchemy import func, or_, select

from storefront.accounts.models import Role, User
from storefront.extensions import db
from storefront.pagination import Page, last_page
from storefront.producers.models import Producer


class UserState(enum.StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"


def search_users(
    *, query: str, role: Role | None, state: UserState | None, page: int, per_page: int
) -> Page[tuple[User, Producer | None]]:
    """Users (newest first) whose e-mail or name contains the query, each with the producer
    they belong to; two queries."""
    found = select(User)
    text = query.strip().lower()
    if text:
        found = found.where(
            or_(
                User.email.contains(text, autoescape=True),
                func.lower(User.name).contains(text, autoescape=True),
            )
        )
    if role is not None:
        found = found.where(User.role == role)
    if state is not None:
        found = found.where(User.active == (state is UserState.ACTIVE))
    total = db.session.scalar(select(func.count()).select_from(found.subquery())) or 0
    page = min(page, last_page(total, per_page))
    rows = db.session.execute(
        found.add_columns(Producer)
        .outerjoin(Producer, Producer.id == User.producer_id)
        .order_by(User.created_at.desc(), User.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    return Page([(user, producer) for user, producer in rows], total, page, per_page)
