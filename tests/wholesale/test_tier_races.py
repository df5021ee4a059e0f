"""Two members of one producer saving wholesale terms for an item that has none, at the
same moment, on a WAL SQLite file and on PostgreSQL: neither gets an error, and the item
ends with one offer, holding the terms of whichever saved last."""

import threading

import pytest
from sqlalchemy import func, select

from storefront.catalog.models import Product
from storefront.catalog.pricing import Tier
from storefront.extensions import db
from storefront.wholesale.models import WholesaleOffer
from storefront.wholesale.tiers import save_terms
from tests.shopping import stocked_product


@pytest.mark.parametrize("rounds", range(3))
def test_two_first_saves_at_once_make_one_offer(shared_app, rounds) -> None:
    honey = stocked_product(100, price_vnd=100_000)
    db.session.commit()
    barrier, failures = threading.Barrier(2), []

    def save(minimum: int) -> None:
        with shared_app.app_context():
            try:
                product = db.session.get(Product, honey.id)
                barrier.wait(timeout=10)
                save_terms(
                    product, retail_vnd=100_000, min_quantity=minimum, tiers=[Tier(50, 85_000)]
                )
                db.session.commit()
            except Exception as error:
                failures.append(repr(error))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=save, args=(minimum,)) for minimum in (5, 10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert failures == []
    db.session.expire_all()
    assert db.session.scalar(select(func.count(WholesaleOffer.id))) == 1
    [offer] = db.session.scalars(select(WholesaleOffer))
    assert offer.min_quantity in (5, 10)
    assert [(t.min_quantity, t.unit_price_vnd) for t in offer.tiers] == [(50, 85_000)]
