"""Staff see every combo with its availability, hide one with a reason its owner is told,
and restore it."""

from datetime import timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from storefront.accounts.models import Role, User
from storefront.clock import today_in_vietnam
from storefront.combos.availability import available_combos
from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.models import Combo, ComboPackaging, ComboStatus, Consent
from storefront.combos.moderation import hide_combo
from storefront.combos.publishing import publish_combo, unpublish_combo
from storefront.extensions import db
from storefront.mail.models import OutboxMessage
from storefront.money import format_vnd
from tests.factories import (
    CertificateFactory,
    ComboFactory,
    HeritageFactory,
    PackagingFactory,
    ProducerFactory,
    ProductFactory,
    UserFactory,
)


@pytest.fixture
def on_sale(db) -> tuple[Combo, User, User]:
    """A published combo on sale, and its owner's two members (one reads English)."""
    owner = ProducerFactory(name="Hợp tác xã Khóm Hỏa Tiến")
    pineapple = ProductFactory(producer=owner, name="Khóm Cầu Đúc Hỏa Tiến", stars=4)
    jam = ProductFactory(producer=owner, name="Mứt khóm Hỏa Tiến", stars=3, price_vnd=55_000)
    combo = ComboFactory(
        owner=owner,
        name="Hộp quà Tết Cầu Đúc",
        name_en="Cầu Đúc Tết gift box",
        slug="hop-qua-tet-cau-duc",
        parts=[(pineapple, 2), (jam, 1)],
    )
    english = UserFactory(role=Role.PRODUCER, producer_id=owner.id, locale="en")
    vietnamese = UserFactory(role=Role.PRODUCER, producer_id=owner.id, locale="vi")
    db.session.commit()
    return combo, english, vietnamese


def fresh(combo: Combo) -> Combo:
    db.session.expire_all()
    return db.session.get_one(Combo, combo.id)


def available_ids() -> set[int]:
    return {combo.id for combo in db.session.scalars(available_combos(today_in_vietnam()))}


def mail() -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def page(client: FlaskClient, url: str = "/staff/combos") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_list_shows_every_combo_with_its_owner_status_price_and_why_it_is_not_on_sale(
    staff_client, staff, on_sale
):
    other = ProducerFactory(name="Cơ sở Mật ong Năm Lợi")
    honey = ProductFactory(producer=other, name="Mật ong hoa tràm Năm Lợi", stars=3)
    certificate = honey.certificates[0]
    certificate.issued_on = today_in_vietnam() - timedelta(days=4 * 365)
    certificate.expires_on = today_in_vietnam() - timedelta(days=30)
    ComboFactory(owner=other, name="Quà ngọt rừng tràm", parts=[(honey, 1)])
    ComboFactory(owner=other, name="Bản nháp quà cưới", status=ComboStatus.DRAFT, parts=[])
    db.session.commit()

    html = page(staff_client)

    assert "3 combos" in html
    for text in ("Hộp quà Tết Cầu Đúc", "Quà ngọt rừng tràm", "Bản nháp quà cưới"):
        assert text in html
    assert "Hợp tác xã Khóm Hỏa Tiến" in html and "Cơ sở Mật ong Năm Lợi" in html
    assert format_vnd(229_500) in html  # (2 × 100.000 + 55.000) less 10 %
    assert "On sale" in html and "Not on sale" in html
    assert "The OCOP certificate of Mật ong hoa tràm Năm Lợi expired" in html
    assert "Not published." in html


def test_the_list_filters_by_status_owner_and_words_typed_without_accents(
    staff_client, staff, on_sale
):
    combo, _english, _vietnamese = on_sale
    other = ProducerFactory(name="Cơ sở Mật ong Năm Lợi")
    honey = ProductFactory(producer=other, name="Mật ong hoa tràm", stars=3)
    ComboFactory(owner=other, name="Quà ngọt rừng tràm", parts=[(honey, 1)])
    ComboFactory(owner=other, name="Bản nháp quà cưới", status=ComboStatus.DRAFT, parts=[])
    db.session.commit()

    drafts = page(staff_client, "/staff/combos?status=draft")
    by_owner = page(staff_client, f"/staff/combos?owner={combo.owner_id}")
    searched = page(staff_client, "/staff/combos?q=hop+qua+tet+cau+duc")
    by_product = page(staff_client, "/staff/combos?q=mat+ong+hoa+tram")

    assert "Bản nháp quà cưới" in drafts and "Quà ngọt rừng tràm" not in drafts
    assert "Hộp quà Tết Cầu Đúc" in by_owner and "Quà ngọt rừng tràm" not in by_owner
    assert "1 combo" in searched and "Hộp quà Tết Cầu Đúc" in searched
    assert "Quà ngọt rừng tràm" in by_product and "Hộp quà Tết Cầu Đúc" not in by_product


def test_hiding_without_a_reason_is_refused_and_changes_nothing(staff_client, staff, on_sale):
    combo, _english, _vietnamese = on_sale

    response = staff_client.post(f"/staff/combos/{combo.id}/hide", data={"reason": "   "})

    assert response.status_code == 302
    hidden = fresh(combo)
    assert hidden.status is ComboStatus.PUBLISHED
    assert (hidden.hidden_reason, hidden.hidden_by_id, hidden.hidden_at) == (None, None, None)
    assert combo.id in available_ids()
    assert mail() == []
    assert "Give a reason, so the owner knows what to fix." in page(staff_client)


def test_the_use_case_refuses_a_blank_reason_too(staff, on_sale):
    combo, _english, _vietnamese = on_sale

    with pytest.raises(ComboError) as refused:
        hide_combo(combo, actor=staff, reason=" \n ")

    assert refused.value.code is ComboErrorCode.REASON_REQUIRED
    assert fresh(combo).status is ComboStatus.PUBLISHED


def test_hiding_takes_the_combo_off_the_shop_and_tells_the_owner_why(
    client, staff_client, staff, on_sale
):
    combo, english, vietnamese = on_sale
    assert f"/combos/{combo.slug}" in client.get("/combos/").get_data(as_text=True)

    response = staff_client.post(
        f"/staff/combos/{combo.id}/hide",
        data={
            "reason": "Ảnh bìa dùng hình của nơi khác.",
            "next": "/staff/combos?status=published",
        },
    )

    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/combos?status=published"
    hidden = fresh(combo)
    assert hidden.status is ComboStatus.HIDDEN
    assert hidden.hidden_reason == "Ảnh bìa dùng hình của nơi khác."
    assert hidden.hidden_by_id == staff.id and hidden.hidden_at is not None
    assert combo.id not in available_ids()
    assert f"/combos/{combo.slug}" not in client.get("/combos/").get_data(as_text=True)
    to_english, to_vietnamese = mail()
    assert (to_english.recipient, to_english.locale) == (english.email, "en")
    assert "Cầu Đúc Tết gift box" in to_english.subject
    assert "Ảnh bìa dùng hình của nơi khác." in to_english.text_body
    assert "Ảnh bìa dùng hình của nơi khác." in to_english.html_body
    assert (to_vietnamese.recipient, to_vietnamese.locale) == (vietnamese.email, "vi")
    assert "Hộp quà Tết Cầu Đúc" in to_vietnamese.subject
    listed = page(staff_client)
    assert "Hidden by staff" in listed and "Ảnh bìa dùng hình của nơi khác." in listed
    assert "By Trần Minh Staff" in listed


def test_restoring_lifts_the_hiding_and_leaves_a_draft_for_the_owner(staff_client, staff, on_sale):
    combo, _english, _vietnamese = on_sale
    staff_client.post(f"/staff/combos/{combo.id}/hide", data={"reason": "Sai giá"})

    response = staff_client.post(f"/staff/combos/{combo.id}/restore", data={})

    assert response.status_code == 302
    restored = fresh(combo)
    assert restored.status is ComboStatus.DRAFT
    assert (restored.hidden_reason, restored.hidden_by_id, restored.hidden_at) == (None, None, None)
    assert combo.id not in available_ids()  # until its owner publishes it again


def test_once_restored_its_owner_can_publish_it_again(staff_client, staff, on_sale):
    combo, english, _vietnamese = on_sale
    staff_client.post(f"/staff/combos/{combo.id}/hide", data={"reason": "Sai giá"})
    with pytest.raises(ComboError) as refused:
        publish_combo(fresh(combo), actor=english, today=today_in_vietnam())

    staff_client.post(f"/staff/combos/{combo.id}/restore", data={})
    publish_combo(fresh(combo), actor=english, today=today_in_vietnam())

    assert refused.value.code is ComboErrorCode.HIDDEN_BY_STAFF
    assert fresh(combo).status is ComboStatus.PUBLISHED
    assert combo.id in available_ids()


def test_hiding_again_replaces_the_reason_and_staff_may_hide_what_its_owner_hid(staff, on_sale):
    combo, english, _vietnamese = on_sale
    unpublish_combo(combo, actor=english)
    hide_combo(combo, actor=staff, reason="Sai giá")

    hide_combo(fresh(combo), actor=staff, reason="  Ảnh không đúng sản phẩm.  ")

    hidden = fresh(combo)
    assert hidden.status is ComboStatus.HIDDEN
    assert hidden.hidden_reason == "Ảnh không đúng sản phẩm."
    assert sorted(message.locale for message in mail()) == ["en", "en", "vi", "vi"]


def test_only_a_combo_hidden_by_staff_can_be_restored(staff_client, staff, on_sale, db):
    combo, _english, _vietnamese = on_sale
    by_owner = ComboFactory(owner=combo.owner, status=ComboStatus.HIDDEN, parts=[])
    db.session.commit()

    staff_client.post(f"/staff/combos/{combo.id}/restore", data={})
    staff_client.post(f"/staff/combos/{by_owner.id}/restore", data={})

    assert fresh(combo).status is ComboStatus.PUBLISHED
    assert db.session.get_one(Combo, by_owner.id).status is ComboStatus.HIDDEN
    assert "This combo is not hidden by staff." in page(staff_client)


def test_a_producer_may_not_hide_a_combo_nor_see_the_staff_list(client, login_as, on_sale):
    combo, english, _vietnamese = on_sale
    login_as(english)

    hide = client.post(f"/staff/combos/{combo.id}/hide", data={"reason": "Tự ẩn"})
    restore = client.post(f"/staff/combos/{combo.id}/restore", data={})
    listing = client.get("/staff/combos")

    assert (hide.status_code, restore.status_code, listing.status_code) == (403, 403, 403)
    assert fresh(combo).status is ComboStatus.PUBLISHED


def test_hiding_or_restoring_an_unknown_combo_is_not_found(staff_client, staff):
    assert staff_client.post("/staff/combos/999/hide", data={"reason": "x"}).status_code == 404
    assert staff_client.post("/staff/combos/999/restore", data={}).status_code == 404


def _combos(count: int) -> None:
    """`count` combos of three producers' products, with packaging and a heritage entry,
    one of them hidden by staff."""
    heritage = HeritageFactory()
    hider = UserFactory(role=Role.STAFF)
    for n in range(count):
        owner = ProducerFactory()
        partners = [ProducerFactory(), ProducerFactory()]
        parts = [(ProductFactory(producer=owner, stars=4), 2)]
        parts += [(ProductFactory(producer=p, stars=3), 1) for p in partners]
        combo = ComboFactory(
            owner=owner, heritage=heritage, parts=parts, parts__consent=Consent.ACCEPTED
        )
        combo.packaging = [ComboPackaging(item=PackagingFactory(producer=owner), position=0)]
        CertificateFactory(product=parts[1][0], stars=4)
        if n == 0:
            hide_combo(combo, actor=hider, reason="Kiểm tra lại giá")
    db.session.commit()


def test_the_list_runs_the_same_number_of_queries_for_one_combo_or_five(
    staff_client, staff, count_queries
):
    _combos(1)
    with count_queries() as one:
        assert "1 combo" in page(staff_client)

    _combos(4)
    with count_queries() as five:
        assert "5 combos" in page(staff_client)

    assert five.count == one.count
