"""An order's history as its page tells it: the order's own moves and each producer's
packing, shipping and delivery, in the order they happened."""

from dataclasses import dataclass
from datetime import datetime

from storefront.accounts.models import User
from storefront.orders.models import Fulfilment, FulfilmentStatus, Order, OrderStatus


@dataclass(frozen=True)
class Entry:
    """One line of the history: an order move (`status`, `placed` for the first), or a
    fulfilment's (`part` and `part_status`); who made it and why (reason or note)."""

    at: datetime
    actor: User | None
    why: str
    status: OrderStatus | None = None
    placed: bool = False
    part: Fulfilment | None = None
    part_status: FulfilmentStatus | None = None


def history(order: Order) -> list[Entry]:
    """Oldest first; needs the order's events and its fulfilments' events loaded (as
    `lookup.find_order` does) to run no query."""
    entries = [
        Entry(
            at=event.created_at,
            actor=event.actor,
            why=event.reason,
            status=event.to_status,
            placed=event.from_status is None,
        )
        for event in order.events
    ]
    entries += [
        Entry(
            at=event.created_at,
            actor=event.actor,
            why=event.note,
            part=part,
            part_status=event.to_status,
        )
        for part in order.fulfilments
        for event in part.events
    ]
    return sorted(entries, key=lambda entry: (entry.at, entry.part is None))
