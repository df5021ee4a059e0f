"""A producer's members as the readers of its mail."""

from collections.abc import Callable

from sqlalchemy import select

from storefront.accounts.models import Role, User
from storefront.extensions import db
from storefront.mail.outbox import queue_mail


def producer_members(producer_id: int) -> list[User]:
    """The active members of a producer, who receive its mail."""
    return list(
        db.session.scalars(
            select(User).where(
                User.producer_id == producer_id, User.role == Role.PRODUCER, User.active
            )
        )
    )


def mail_members(
    producer_id: int,
    *,
    template: str,
    localized: Callable[[str], dict[str, object]] | None = None,
    **context: object,
) -> None:
    """Queue the mail `template` to each active member of the producer, in their language;
    `localized(locale)` gives what depends on it (names that have an English version)."""
    for member in producer_members(producer_id):
        queue_mail(
            to=member.email,
            template=template,
            locale=member.locale,
            name=member.name,
            **context,
            **(localized(member.locale) if localized else {}),
        )
