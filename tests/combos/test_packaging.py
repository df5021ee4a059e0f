"""Producers keep their own packaging items (gift boxes, baskets...) with a price and a stock;
another producer's item is out of reach."""

import pytest
from sqlalchemy import func, select

from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.models import PackagingItem, PackagingKind
from storefront.combos.packaging import PackagingDetails, create_packaging, update_packaging
from tests.combos.portal_helpers import member_of, producer_of
from tests.factories import PackagingFactory, ProducerFactory

pytestmark = pytest.mark.usefixtures("in_english")


def _fields(**changes: str) -> dict[str, str]:
    fields = {
        "kind": "basket",
        "name": "Giỏ lục bình",
        "name_en": "Water hyacinth basket",
        "price_vnd": "45.000",
        "stock": "30",
        "active": "y",
    }
    fields.update(changes)
    return fields


def test_a_producer_adds_packaging_to_its_own_list(client, login_as, db):
    member = login_as(member_of())

    response = client.post("/producer/packaging", data=_fields())

    assert response.status_code == 302
    item = db.session.scalar(select(PackagingItem))
    assert item.producer_id == member.producer_id
    assert (item.kind, item.name, item.price_vnd, item.stock, item.active) == (
        PackagingKind.BASKET,
        "Giỏ lục bình",
        45_000,
        30,
        True,
    )
    assert "Giỏ lục bình" in client.get("/producer/packaging").get_data(as_text=True)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"price_vnd": "-1"}, "The price must be 0 ₫ or more."),
        ({"stock": "-3"}, "The stock must be 0 or more."),
        ({"name": ""}, "Enter a name."),
    ],
)
def test_a_negative_price_or_stock_or_no_name_is_refused(client, login_as, db, changes, message):
    login_as(member_of())

    page = client.post("/producer/packaging", data=_fields(**changes))

    assert page.status_code == 200
    assert message in page.get_data(as_text=True)
    assert db.session.scalar(select(func.count(PackagingItem.id))) == 0


def test_a_producer_edits_and_withdraws_its_item(client, login_as, db):
    member = login_as(member_of())
    item = PackagingFactory(producer=producer_of(member), stock=5)
    db.session.commit()

    response = client.post(
        f"/producer/packaging/{item.id}",
        data={"kind": "gift_box", "name": "Hộp quà Tết", "price_vnd": "0", "stock": "12"},
    )

    assert response.status_code == 302
    db.session.expire_all()
    assert (item.name, item.price_vnd, item.stock, item.active) == ("Hộp quà Tết", 0, 12, False)


def test_another_producers_item_is_not_found(client, login_as, db):
    login_as(member_of())
    theirs = PackagingFactory(name="Hộp của người khác")
    db.session.commit()

    shown = client.get(f"/producer/packaging/{theirs.id}")
    changed = client.post(f"/producer/packaging/{theirs.id}", data=_fields(name="Của tôi"))

    assert (shown.status_code, changed.status_code) == (404, 404)
    db.session.expire_all()
    assert theirs.name == "Hộp của người khác"
    assert "Hộp của người khác" not in client.get("/producer/packaging").get_data(as_text=True)


def test_the_domain_refuses_what_the_form_would(db):
    producer = ProducerFactory()
    item = PackagingFactory(producer=producer, stock=4)

    def details(**changes: object) -> PackagingDetails:
        values: dict = {
            "kind": PackagingKind.BAG,
            "name": "Túi cói",
            "name_en": None,
            "price_vnd": 5_000,
            "stock": 10,
        }
        values.update(changes)
        return PackagingDetails(**values)

    with pytest.raises(ComboError) as price:
        create_packaging(producer, details(price_vnd=-1), actor=None)
    with pytest.raises(ComboError) as stock:
        update_packaging(item, details(stock=-1), actor=None)
    with pytest.raises(ComboError) as name:
        create_packaging(producer, details(name="  "), actor=None)

    assert price.value.code is ComboErrorCode.PACKAGING_PRICE_NEGATIVE
    assert stock.value.code is ComboErrorCode.PACKAGING_STOCK_NEGATIVE
    assert name.value.code is ComboErrorCode.NAME_REQUIRED
    db.session.expire_all()
    assert item.stock == 4
