"""Portal fixtures: producer members and a category."""

from collections.abc import Callable

import pytest

from storefront.accounts.models import Role, User
from storefront.producers.models import ProducerStatus
from tests.factories import CategoryFactory, ProducerFactory, UserFactory


@pytest.fixture
def make_member(db) -> Callable[..., User]:
    """`make_member()`: a producer member of a new approved producer (or of `producer=`)."""

    def make(producer=None, *, status: ProducerStatus = ProducerStatus.APPROVED) -> User:
        producer = producer or ProducerFactory(status=status)
        user = UserFactory(role=Role.PRODUCER, producer_id=producer.id)
        db.session.commit()
        return user

    return make


@pytest.fixture
def category(db):
    made = CategoryFactory()
    db.session.commit()
    return made


@pytest.fixture(autouse=True)
def in_english(client) -> None:
    """Pages in English, so the tests read the messages as written in the code."""
    client.set_cookie("lang", "en")
