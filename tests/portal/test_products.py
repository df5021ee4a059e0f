"""Producers create, edit, publish and archive their own products; the form decides nothing
about producer, status, stock or certificate."""

from sqlalchemy import select

from storefront.catalog.models import Product, ProductStatus
from storefront.inventory.models import MovementKind, StockMovement
from tests.factories import ProducerFactory, ProductFactory
from tests.portal.helpers import product_of


def _fields(category, **changes) -> dict:
    fields = {
        "name": "Mật ong hoa tràm U Minh",
        "name_en": "U Minh melaleuca honey",
        "category": category.id,
        "unit": "chai 500 ml",
        "unit_en": "",
        "price_vnd": "185000",
        "weight_grams": "700",
        "description": "Mật ong nguyên chất.",
        "story": "Rừng **tràm** U Minh.",
    }
    fields.update(changes)
    return fields


def test_a_new_product_is_a_draft_with_its_opening_stock_in_the_ledger(
    client, login_as, make_member, category, db
):
    member = login_as(make_member())

    response = client.post("/producer/products/new", data=_fields(category, opening_stock="40"))

    assert response.status_code == 302
    product = db.session.scalar(select(Product))
    assert product.producer_id == member.producer_id
    assert product.status is ProductStatus.DRAFT
    assert product.price_vnd == 185_000 and product.stock == 40
    assert product.slug == "mat-ong-hoa-tram-u-minh"
    assert product.unit_en is None
    assert " u minh " in product.search_folded
    movement = db.session.scalar(select(StockMovement))
    assert (movement.kind, movement.delta, movement.stock_after) == (MovementKind.OPENING, 40, 40)
    assert movement.actor_id == member.id


def test_fields_the_form_does_not_offer_are_ignored(client, login_as, make_member, category, db):
    member = login_as(make_member())
    other = ProducerFactory()
    db.session.commit()

    client.post(
        "/producer/products/new",
        data=_fields(
            category,
            opening_stock="5",
            producer_id=other.id,
            status="active",
            stock="999",
            current_certificate_id="1",
        ),
    )

    product = db.session.scalar(select(Product))
    assert product.producer_id == member.producer_id
    assert product.status is ProductStatus.DRAFT
    assert product.stock == 5 and product.current_certificate_id is None


def test_editing_saves_the_text_and_reindexes_but_never_the_hidden_fields(
    client, login_as, make_member, category, db
):
    member = login_as(make_member())
    product = product_of(member, stock=7, status=ProductStatus.DRAFT)
    db.session.commit()

    response = client.post(
        f"/producer/products/{product.id}",
        data=_fields(category, name="Khô cá lóc", stock="500", status="active", producer_id="99"),
    )

    assert response.status_code == 302
    db.session.refresh(product)
    assert product.name == "Khô cá lóc" and product.category_id == category.id
    assert " kho ca loc " in product.search_folded
    assert product.stock == 7 and product.status is ProductStatus.DRAFT
    assert product.producer_id == member.producer_id


def test_bad_prices_are_refused(client, login_as, make_member, category, db):
    login_as(make_member())

    for price in ("0", "-5", "12.5", "abc", ""):
        response = client.post("/producer/products/new", data=_fields(category, price_vnd=price))
        assert response.status_code == 200, price

    assert db.session.scalar(select(Product)) is None


def test_publish_withdraw_archive_and_restore_are_actions(client, login_as, make_member, db):
    member = login_as(make_member())
    product = product_of(member, status=ProductStatus.DRAFT)
    db.session.commit()
    base = f"/producer/products/{product.id}"

    for action, expected in [
        ("publish", ProductStatus.ACTIVE),
        ("withdraw", ProductStatus.DRAFT),
        ("archive", ProductStatus.ARCHIVED),
        ("publish", ProductStatus.ARCHIVED),  # not allowed from archived: unchanged
        ("restore", ProductStatus.DRAFT),
    ]:
        assert client.post(f"{base}/{action}").status_code == 302
        db.session.refresh(product)
        assert product.status is expected, action

    assert client.post(f"{base}/delete").status_code in (404, 405)
    client.post(f"{base}/publish")
    page = client.get(base).get_data(as_text=True)
    assert f"{base}/withdraw" in page and f"{base}/archive" in page
    assert f"{base}/restore" not in page and f"{base}/publish" not in page


def test_the_product_list_shows_only_the_producers_own_products(client, login_as, make_member, db):
    member = login_as(make_member())
    product_of(member, name="Bánh pía của tôi")
    ProductFactory(name="Bánh của người khác")
    db.session.commit()

    page = client.get("/producer/products").get_data(as_text=True)

    assert "Bánh pía của tôi" in page and "Bánh của người khác" not in page
