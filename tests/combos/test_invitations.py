"""Another producer's products go into a combo only with that producer's consent: it is
invited by mail, answers in its portal (and may withdraw later), and until every partner
has accepted the combo cannot be published."""

import pytest
from sqlalchemy import select

from storefront.clock import today_in_vietnam
from storefront.combos.availability import available_combos
from storefront.combos.builder import ComboDraft, save_combo
from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.invitations import answer_invitation, invitations_for
from storefront.combos.models import Combo, ComboKind, ComboStatus, Consent, PriceMode
from storefront.combos.publishing import publish_combo
from tests.combos.portal_helpers import (
    mail_to,
    member_of,
    snapshot,
)
from tests.factories import ComboFactory, ProducerFactory, ProductFactory

pytestmark = pytest.mark.usefixtures("in_english")


@pytest.fixture
def world(db):
    """An owner's draft combo holding its own product and two of a partner's, pending."""
    owner = ProducerFactory(name="Hợp tác xã Khóm Cầu Đúc")
    partner = ProducerFactory(name="Cơ sở Mật ong U Minh")
    own = ProductFactory(producer=owner, stars=4, name="Khóm sấy dẻo")
    honey = ProductFactory(producer=partner, stars=5, name="Mật ong hoa tràm", name_en="Honey")
    pollen = ProductFactory(producer=partner, stars=4, name="Phấn hoa")
    combo = ComboFactory(
        owner=owner,
        parts=[(own, 2), (honey, 1), (pollen, 1)],
        status=ComboStatus.DRAFT,
        name="Quà Tết Hậu Giang",
        name_en="Hau Giang Tet gift",
    )
    db.session.commit()
    return {
        "owner": owner,
        "partner": partner,
        "combo": combo,
        "owner_member": member_of(owner),
        "partner_member": member_of(partner, locale="en"),
    }


def test_a_new_partner_product_queues_one_invitation_per_member_in_their_language(db):
    owner = ProducerFactory(name="Hợp tác xã Khóm Cầu Đúc")
    partner = ProducerFactory()
    english = member_of(partner, locale="en")
    vietnamese = member_of(partner, locale="vi")
    own = ProductFactory(producer=owner, stars=4)
    honey = ProductFactory(producer=partner, stars=5, name="Mật ong", name_en="Melaleuca honey")
    pollen = ProductFactory(producer=partner, stars=4)
    db.session.commit()

    save_combo(
        None,
        ComboDraft(
            name="Quà Tết",
            name_en="Tet gift",
            kind=ComboKind.GIFT_COMBO,
            price_mode=PriceMode.PERCENT_OFF,
            percent_off=10,
            components=[(own.id, 1), (honey.id, 2), (pollen.id, 1)],
        ),
        owner=owner,
        actor=member_of(owner),
        today=today_in_vietnam(),
    )

    [to_english] = mail_to(english.email)
    [to_vietnamese] = mail_to(vietnamese.email)
    assert to_english.template == "combo_invitation" and to_english.locale == "en"
    assert "Hợp tác xã Khóm Cầu Đúc" in to_english.subject and "Tet gift" in to_english.subject
    assert "2 × Melaleuca honey" in to_english.text_body
    assert "/producer/invitations" in to_english.text_body
    assert to_vietnamese.locale == "vi" and "Quà Tết" in to_vietnamese.subject
    assert mail_to(member_of(owner).email) == []


def test_accepting_agrees_to_every_product_of_the_partner_and_tells_the_owner(
    client, login_as, world, db
):
    partner_member = login_as(world["partner_member"])
    combo = world["combo"]

    response = client.post(f"/producer/invitations/{combo.id}", data={"decision": "accept"})

    assert response.status_code == 302
    db.session.expire_all()
    partner_parts = [c for c in combo.components if c.producer_id == world["partner"].id]
    assert [c.consent for c in partner_parts] == [Consent.ACCEPTED, Consent.ACCEPTED]
    assert all(c.consent_by_id == partner_member.id and c.consent_at for c in partner_parts)
    [told] = mail_to(world["owner_member"].email)
    assert told.template == "combo_answer" and "đã đồng ý tham gia" in told.subject


def test_a_producer_cannot_answer_an_invitation_addressed_to_someone_else(
    client, login_as, world, db
):
    stranger = login_as(member_of())
    owner_self = world["owner_member"]
    before = snapshot()

    refused = client.post(f"/producer/invitations/{world['combo'].id}", data={"decision": "accept"})
    missing = client.post("/producer/invitations/999999", data={"decision": "accept"})
    login_as(owner_self)
    own_combo = client.post(
        f"/producer/invitations/{world['combo'].id}", data={"decision": "decline"}
    )

    assert (refused.status_code, missing.status_code, own_combo.status_code) == (404, 404, 404)
    assert snapshot() == before
    with pytest.raises(ComboError) as error:
        answer_invitation(world["combo"], producer=world["owner"], actor=stranger, accept=True)
    assert error.value.code is ComboErrorCode.NOT_INVITED


def test_publishing_waits_for_every_partner_and_is_refused_after_a_decline(
    client, login_as, world, db
):
    combo, today = world["combo"], today_in_vietnam()
    owner_member = world["owner_member"]

    with pytest.raises(ComboError) as pending:
        publish_combo(combo, actor=owner_member, today=today)
    answer_invitation(combo, producer=world["partner"], actor=world["partner_member"], accept=False)
    with pytest.raises(ComboError) as declined:
        publish_combo(combo, actor=owner_member, today=today)
    login_as(owner_member)
    page = client.post(f"/producer/combos/{combo.id}/publish", follow_redirects=True)

    assert pending.value.code is ComboErrorCode.AWAITING_CONSENT
    assert declined.value.code is ComboErrorCode.CONSENT_DECLINED
    assert "declined to be part of this combo" in page.get_data(as_text=True)
    db.session.expire_all()
    assert combo.status is ComboStatus.DRAFT


def test_once_the_partner_accepts_the_owner_can_publish(client, login_as, world, db):
    combo = world["combo"]
    login_as(world["owner_member"])
    refused = client.post(f"/producer/combos/{combo.id}/publish", follow_redirects=True)
    login_as(world["partner_member"])
    client.post(f"/producer/invitations/{combo.id}", data={"decision": "accept"})
    login_as(world["owner_member"])

    published = client.post(f"/producer/combos/{combo.id}/publish")

    assert "has not yet accepted its invitation" in refused.get_data(as_text=True)
    assert published.status_code == 302
    db.session.expire_all()
    assert combo.status is ComboStatus.PUBLISHED


def test_withdrawing_consent_takes_the_combo_off_sale_and_the_owner_sees_why(
    client, login_as, world, db
):
    combo = world["combo"]
    partner_member = world["partner_member"]
    answer_invitation(combo, producer=world["partner"], actor=partner_member, accept=True)
    publish_combo(combo, actor=world["owner_member"], today=today_in_vietnam())
    login_as(partner_member)

    client.post(f"/producer/invitations/{combo.id}", data={"decision": "decline"})

    db.session.expire_all()
    assert {c.consent for c in combo.components if c.producer_id == world["partner"].id} == {
        Consent.DECLINED
    }
    told = mail_to(world["owner_member"].email)
    assert [m.template for m in told] == ["combo_answer", "combo_answer"]
    assert "đã rút lại sự đồng ý" in told[-1].subject
    listed = db.session.scalars(available_combos(today_in_vietnam()).with_only_columns(Combo.id))
    assert combo.id not in set(listed)
    login_as(world["owner_member"])
    listing = client.get("/producer/combos").get_data(as_text=True)
    assert "Cơ sở Mật ong U Minh declined to be part of this combo" in listing


def test_the_invitations_page_lists_pending_first_then_accepted(client, login_as, db):
    partner = ProducerFactory()
    member = member_of(partner)
    product = ProductFactory(producer=partner, stars=4)
    accepted = ComboFactory(parts=[(product, 1)], parts__consent=Consent.ACCEPTED, name="Đã nhận")
    pending = ComboFactory(parts=[(product, 1)], name="Đang chờ")
    ComboFactory(owner=partner, parts=[(product, 1)], name="Của chính mình")
    db.session.commit()
    login_as(member)

    html = client.get("/producer/invitations").get_data(as_text=True)

    assert html.index("Đang chờ") < html.index("Đã nhận")
    assert "Của chính mình" not in html
    assert [i.combo.id for i in invitations_for(partner, today=today_in_vietnam())] == [
        pending.id,
        accepted.id,
    ]


def test_answering_twice_the_same_way_mails_the_owner_once(world, db):
    combo, partner = world["combo"], world["partner"]

    answer_invitation(combo, producer=partner, actor=world["partner_member"], accept=True)
    answer_invitation(combo, producer=partner, actor=world["partner_member"], accept=True)

    assert len(mail_to(world["owner_member"].email)) == 1
    assert db.session.scalar(select(Combo.status).where(Combo.id == combo.id)) == "draft"
