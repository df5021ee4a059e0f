"""Two producers shipping their parts of one order at the same moment, on a WAL SQLite
file and on PostgreSQL: each sees the other's part, so the order becomes shipped. (Without
the lock on the order's row, each would see the other's part still packed and the order
would stay processing.)"""

import threading

import pytest

from storefront.extensions import db
from storefront.orders.fulfilment import pack, ship
from storefront.orders.models import Order, OrderStatus, PaymentMethod
from tests.factories import UserFactory
from tests.shopping import now, two_producer_order


@pytest.mark.parametrize("rounds", range(5))
def test_two_producers_shipping_at_the_same_moment_ship_the_order(shared_app, rounds) -> None:
    packer = UserFactory()
    order = two_producer_order(PaymentMethod.COD)
    for part in order.fulfilments:
        pack(part, actor=packer, now=now())
    ids, order_id, packer_id = [p.id for p in order.fulfilments], order.id, packer.id
    barrier, failures = threading.Barrier(2), []

    def ship_one(part_id: int) -> None:
        from storefront.accounts.models import User
        from storefront.orders.models import Fulfilment

        with shared_app.app_context():
            try:
                part = db.session.get(Fulfilment, part_id)
                actor = db.session.get(User, packer_id)
                barrier.wait(timeout=10)
                ship(part, actor=actor, carrier="GHN", tracking_number=str(part_id), now=now())
            except Exception as error:
                failures.append(repr(error))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=ship_one, args=(part_id,)) for part_id in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert failures == []
    db.session.expire_all()
    assert db.session.get(Order, order_id).status is OrderStatus.SHIPPED
