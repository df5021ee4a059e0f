"""The producer's combos in its portal: each one's price, saving, what stock can make and,
when it is not on sale, which product is the cause; publishing and hiding; another
producer's combo is out of reach; each page costs a fixed number of queries."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from storefront.accounts.models import Role
from storefront.clock import today_in_vietnam, utcnow
from storefront.combos.models import (
    Combo,
    ComboComponent,
    ComboOccasion,
    ComboPackaging,
    ComboStatus,
    Consent,
    Occasion,
)
from tests.combos.portal_helpers import (
    builder_form,
    member_of,
    producer_of,
    snapshot,
)
from tests.factories import (
    ComboFactory,
    PackagingFactory,
    ProducerFactory,
    ProductFactory,
    UserFactory,
)

pytestmark = pytest.mark.usefixtures("in_english")


def test_the_list_shows_price_saving_and_what_stock_can_make(client, login_as, db):
    member = login_as(member_of())
    owner = producer_of(member)
    a = ProductFactory(producer=owner, stock=7, price_vnd=120_000, stars=4)
    b = ProductFactory(producer=owner, stock=5, price_vnd=80_000, stars=3)
    ComboFactory(owner=owner, parts=[(a, 2), (b, 1)], name="Quà Vị Thanh", percent_off=10)
    db.session.commit()

    html = client.get("/producer/combos").get_data(as_text=True)

    assert "Quà Vị Thanh" in html
    assert "288.000\u00a0₫" in html and "320.000\u00a0₫" in html and "32.000\u00a0₫" in html
    assert "Stock can make</dt><dd>3</dd>" in html
    assert "On sale in the shop." in html


def test_the_list_names_the_component_whose_certificate_expired(client, login_as, db):
    member = login_as(member_of())
    owner = producer_of(member)
    today = today_in_vietnam()
    fresh = ProductFactory(producer=owner, stars=4, name="Gạo Một Bụi")
    stale = ProductFactory(producer=owner, stars=4, name="Khóm Cầu Đúc sấy")
    stale.certificates[0].issued_on = today - timedelta(days=1100)
    stale.certificates[0].expires_on = today
    ComboFactory(owner=owner, parts=[(fresh, 1), (stale, 1)])
    db.session.commit()

    html = client.get("/producer/combos").get_data(as_text=True)

    assert "Not on sale because:" in html
    assert "The OCOP certificate of Khóm Cầu Đúc sấy expired on" in html
    assert "Gạo Một Bụi expired" not in html
    assert "Stock can make</dt><dd>0</dd>" in html


def test_the_list_names_the_component_whose_stock_ran_out(client, login_as, db):
    member = login_as(member_of())
    owner = producer_of(member)
    plenty = ProductFactory(producer=owner, stars=4, stock=10, name="Gạo Một Bụi")
    short = ProductFactory(producer=owner, stars=4, stock=1, name="Khóm Cầu Đúc sấy")
    ComboFactory(owner=owner, parts=[(plenty, 1), (short, 2)])
    db.session.commit()

    html = client.get("/producer/combos").get_data(as_text=True)

    assert "Not on sale because:" in html
    assert "Khóm Cầu Đúc sấy: 1 in stock, the combo needs 2." in html
    assert "Gạo Một Bụi:" not in html
    assert "Stock can make</dt><dd>0</dd>" in html


def test_the_list_names_the_partner_that_has_not_answered(client, login_as, db):
    member = login_as(member_of())
    owner = producer_of(member)
    partner = ProducerFactory(name="Cơ sở Bánh pía Sóc Trăng")
    ComboFactory(
        owner=owner,
        parts=[
            (ProductFactory(producer=owner, stars=4), 1),
            (ProductFactory(producer=partner, stars=4, name="Bánh pía"), 1),
        ],
        status=ComboStatus.DRAFT,
    )
    db.session.commit()

    html = client.get("/producer/combos").get_data(as_text=True)

    assert "Before it can be sold:" in html
    assert "Bánh pía: waiting for Cơ sở Bánh pía Sóc Trăng to accept the invitation." in html


def test_a_producer_cannot_see_edit_publish_or_hide_another_producers_combo(client, login_as, db):
    login_as(member_of())
    theirs = ComboFactory(
        parts=[(ProductFactory(stars=4), 1)], status=ComboStatus.DRAFT, name="Của người khác"
    )
    db.session.commit()
    before = snapshot()

    responses = [
        client.get(f"/producer/combos/{theirs.id}"),
        client.post(f"/producer/combos/{theirs.id}", data=builder_form(name="Chiếm", parts=[])),
        client.post(f"/producer/combos/{theirs.id}/publish"),
        client.post(f"/producer/combos/{theirs.id}/hide"),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404, 404]
    assert snapshot() == before
    assert "Của người khác" not in client.get("/producer/combos").get_data(as_text=True)


def test_a_combo_staff_hid_cannot_be_published_by_its_owner_who_sees_why(client, login_as, db):
    member = login_as(member_of())
    owner = producer_of(member)
    staff = UserFactory(role=Role.STAFF)
    combo = ComboFactory(
        owner=owner,
        parts=[(ProductFactory(producer=owner, stars=4), 1)],
        status=ComboStatus.HIDDEN,
        hidden_reason="Ảnh chụp sản phẩm của cơ sở khác.",
        hidden_by=staff,
        hidden_at=utcnow(),
    )
    db.session.commit()
    before = snapshot()

    refused = client.post(f"/producer/combos/{combo.id}/publish", follow_redirects=True)

    html = refused.get_data(as_text=True)
    assert "Staff have hidden this combo" in html
    assert "Ảnh chụp sản phẩm của cơ sở khác." in html
    assert f'action="/producer/combos/{combo.id}/publish"' not in html
    assert snapshot() == before


def test_the_owner_hides_and_publishes_its_combo_again(client, login_as, db):
    member = login_as(member_of())
    owner = producer_of(member)
    combo = ComboFactory(owner=owner, parts=[(ProductFactory(producer=owner, stars=4), 1)])
    db.session.commit()

    client.post(f"/producer/combos/{combo.id}/hide")
    db.session.expire_all()
    hidden = (combo.status, combo.hidden_reason)
    client.post(f"/producer/combos/{combo.id}/publish")
    db.session.expire_all()

    assert hidden == (ComboStatus.HIDDEN, None)
    assert combo.status is ComboStatus.PUBLISHED


def test_publishing_is_refused_once_a_product_is_no_longer_certified(client, login_as, db):
    member = login_as(member_of())
    owner = producer_of(member)
    today = today_in_vietnam()
    product = ProductFactory(producer=owner, stars=4, name="Mắm cá linh")
    product.certificates[0].issued_on = today - timedelta(days=1100)
    product.certificates[0].expires_on = today - timedelta(days=3)
    combo = ComboFactory(owner=owner, parts=[(product, 1)], status=ComboStatus.DRAFT)
    db.session.commit()

    page = client.post(f"/producer/combos/{combo.id}/publish", follow_redirects=True)

    assert "valid OCOP certificate" in page.get_data(as_text=True)
    db.session.expire_all()
    assert combo.status is ComboStatus.DRAFT


def test_the_builder_opens_with_the_saved_combo(client, login_as, db):
    member = login_as(member_of())
    owner = producer_of(member)
    honey = ProductFactory(producer=owner, stars=4, name="Mật ong", price_vnd=150_000)
    theirs = ProductFactory(stars=5, name="Bưởi Năm Roi", price_vnd=50_000)
    box = PackagingFactory(producer=owner, name="Hộp tre")
    combo = ComboFactory(
        owner=owner, parts=[(honey, 2), (theirs, 1)], name="Quà mật ong", percent_off=20
    )
    combo.packaging.append(ComboPackaging(item=box, position=0))
    combo.occasions.append(ComboOccasion(occasion=Occasion.MID_AUTUMN))
    db.session.commit()

    html = client.get(f"/producer/combos/{combo.id}").get_data(as_text=True)

    assert 'value="Quà mật ong"' in html
    assert 'name="components-0-quantity" type="number" value="2"' in html
    assert 'name="percent_off" type="number" value="20"' in html
    assert f'id="packaging-{box.id}" name="packaging" value="{box.id}" checked' in html
    assert "Awaiting an answer" in html
    assert 'id="occasion-mid_autumn" name="occasions" value="mid_autumn" checked' in html
    assert 'id="occasion-tet" name="occasions" value="tet">' in html
    assert 'data-summary-field="price">280.000\u00a0₫' in html


def test_state_changing_combo_forms_refuse_a_missing_csrf_token(app, client, login_as, db):
    member = login_as(member_of())
    owner = producer_of(member)
    product = ProductFactory(producer=owner, stars=4)
    mine = ComboFactory(owner=owner, parts=[(product, 1)], status=ComboStatus.DRAFT)
    theirs = ComboFactory(parts=[(product, 1)])  # invites this producer
    item = PackagingFactory(producer=owner)
    db.session.commit()
    before = snapshot()
    app.config["WTF_CSRF_ENABLED"] = True

    posts = [
        ("/producer/combos/new", builder_form(parts=[(product, 1)])),
        (f"/producer/combos/{mine.id}", builder_form(name="Đổi", parts=[(product, 1)])),
        (f"/producer/combos/{mine.id}/publish", {}),
        (f"/producer/combos/{mine.id}/hide", {}),
        ("/producer/combos/preview", builder_form(parts=[(product, 1)])),
        (f"/producer/invitations/{theirs.id}", {"decision": "accept"}),
        ("/producer/packaging", {"kind": "bag", "name": "Túi", "price_vnd": "1", "stock": "1"}),
        (f"/producer/packaging/{item.id}", {"kind": "bag", "name": "Túi", "price_vnd": "1"}),
    ]
    for path, data in posts:
        assert client.post(path, data=data).status_code == 400, path

    assert snapshot() == before
    db.session.expire_all()
    assert item.name != "Túi"


def _combo_with_partner(owner, partner, n: int) -> None:
    box = PackagingFactory(producer=owner)
    combo = ComboFactory(
        owner=owner,
        parts=[
            (ProductFactory(producer=owner, stars=4), 1),
            (ProductFactory(producer=partner, stars=5), 2),
            (ProductFactory(producer=owner, stars=3), 1 + n % 3),
        ],
        parts__consent=Consent.ACCEPTED if n % 2 else Consent.PENDING,
    )
    combo.packaging.append(ComboPackaging(item=box, position=0))


def test_the_combo_list_costs_the_same_queries_for_1_or_5_combos(
    client, login_as, db, count_queries
):
    member = login_as(member_of())
    owner, partner = producer_of(member), ProducerFactory()

    def queries_with(total: int) -> int:
        while len(owner_combos := _count(db, owner)) < total:
            _combo_with_partner(owner, partner, len(owner_combos))
        db.session.commit()
        with count_queries() as counter:
            assert client.get("/producer/combos").status_code == 200
        return counter.count

    assert queries_with(1) == queries_with(5)


def test_the_invitations_page_costs_the_same_queries_for_1_or_5_invitations(
    client, login_as, db, count_queries
):
    member = login_as(member_of())
    partner = producer_of(member)

    def queries_with(total: int) -> int:
        while len(_invited(db, partner)) < total:
            _combo_with_partner(ProducerFactory(), partner, len(_invited(db, partner)))
        db.session.commit()
        with count_queries() as counter:
            assert client.get("/producer/invitations").status_code == 200
        return counter.count

    assert queries_with(1) == queries_with(5)


def test_the_builder_costs_the_same_queries_for_1_or_5_products(
    client, login_as, db, count_queries
):
    member = login_as(member_of())
    owner, partner = producer_of(member), ProducerFactory()
    products = [ProductFactory(producer=owner if n % 2 else partner, stars=4) for n in range(5)]
    combo = ComboFactory(owner=owner, parts=[(products[0], 1)])
    PackagingFactory(producer=owner)
    db.session.commit()

    url = f"/producer/combos/{combo.id}"

    def queries_with(total: int) -> int:
        data = builder_form(parts=[(p, 1) for p in products[:total]], action="refresh")
        with count_queries() as counter:
            assert client.post(url, data=data).status_code == 200
        return counter.count

    assert queries_with(1) == queries_with(5)


def _count(db, owner) -> list[int]:
    return list(db.session.scalars(select(Combo.id).where(Combo.owner_id == owner.id)))


def _invited(db, partner) -> set[int]:
    return set(
        db.session.scalars(
            select(ComboComponent.combo_id).where(ComboComponent.producer_id == partner.id)
        )
    )
