"""`role_required(...)`: the one guard for producer and staff pages."""

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import abort, g
from flask_login import current_user

from storefront.accounts.models import Role, User
from storefront.extensions import db, login_manager
from storefront.producers.models import Producer, ProducerStatus

P = ParamSpec("P")
R = TypeVar("R")


def role_required(*roles: Role) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Anonymous visitors go to the sign-in page (then back); other roles get a 403."""

    def decorator(view: Callable[P, R]) -> Callable[P, R]:
        @wraps(view)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return guarded

    return decorator


def producer_member_required(view: Callable[P, R]) -> Callable[P, R]:
    """For the producer portal: a producer member whose producer is approved (else 403).

    The view reaches that producer through `current_producer()`.
    """

    @wraps(view)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        producer = db.session.get(Producer, current_user.producer_id or 0)
        if producer is None or producer.status is not ProducerStatus.APPROVED:
            abort(403)
        g.portal_producer = producer
        return view(*args, **kwargs)

    return role_required(Role.PRODUCER)(guarded)


def current_producer() -> Producer:
    """The approved producer of the signed-in member, in a view guarded as above."""
    return g.portal_producer


def signed_in_user() -> User:
    """The signed-in user itself (not Flask-Login's proxy), to hand to domain functions."""
    return current_user._get_current_object()
