"""Card-payment tests run against a fake Stripe on 127.0.0.1 (tests/fake_stripe): the real
`stripe` library talks to it over HTTP, and its events reach the webhook signed."""

import pytest

from tests.payments.card import stripe_for
from tests.shopping import shipping_table


@pytest.fixture
def fake_stripe(app, db):
    shipping_table()
    db.session.commit()
    with stripe_for(app) as fake:
        yield fake
