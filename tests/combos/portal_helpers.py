"""Helpers of the combo portal tests: producer members, the builder's form as a browser posts
it, and a snapshot of every combo row to show that a refusal changed nothing."""

from collections.abc import Iterable

from sqlalchemy import select

from storefront.accounts.models import Role, User
from storefront.catalog.models import Product
from storefront.combos.models import Combo, ComboComponent, ComboPackaging
from storefront.extensions import db
from storefront.mail.models import OutboxMessage
from storefront.producers.models import Producer
from tests.factories import ProducerFactory, UserFactory


def member_of(producer: Producer | None = None, **fields: object) -> User:
    """A producer member of `producer` (a new approved producer when None)."""
    producer = producer or ProducerFactory()
    db.session.flush()
    user = UserFactory(role=Role.PRODUCER, producer_id=producer.id, **fields)
    db.session.commit()
    return user


def producer_of(member: User) -> Producer:
    return db.session.get_one(Producer, member.producer_id)


def builder_form(
    *,
    name: str = "Quà Tết Hậu Giang",
    parts: Iterable[tuple[Product, object]] = (),
    mode: str = "percent_off",
    percent: object = "10",
    fixed: object = "",
    action: str = "save",
    **extra: object,
) -> dict[str, str]:
    """The builder's fields as the browser posts them; `parts` are (product, quantity)."""
    data = {
        "name": name,
        "name_en": "",
        "kind": "gift_combo",
        "price_mode": mode,
        "percent_off": str(percent),
        "fixed_price_vnd": str(fixed),
        "heritage": "0",
        "story": "Quà **quê** miền Tây.",
        "story_en": "",
        "q": "",
        "action": action,
    }
    for index, (product, quantity) in enumerate(parts):
        data[f"components-{index}-product_id"] = str(product.id)
        data[f"components-{index}-quantity"] = str(quantity)
    data.update({key: str(value) for key, value in extra.items()})
    return data


def snapshot() -> list[tuple]:
    """Every combo, component and packaging row, as plain values."""
    db.session.expire_all()
    combos = [
        (c.id, c.name, c.status, c.price_mode, c.fixed_price_vnd, c.percent_off, c.hidden_reason)
        for c in db.session.scalars(select(Combo).order_by(Combo.id))
    ]
    components = [
        (c.combo_id, c.product_id, c.quantity, c.position, c.consent, c.consent_by_id)
        for c in db.session.scalars(select(ComboComponent).order_by(ComboComponent.id))
    ]
    packaging = [
        (p.combo_id, p.packaging_item_id, p.position)
        for p in db.session.scalars(select(ComboPackaging))
    ]
    return [combos, components, packaging]


def mail_to(address: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == address)))
