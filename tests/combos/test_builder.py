"""The combo builder: it shows what a combo costs and how many can be made as the producer
edits, refuses a combo the shop could not sell (with nothing changed), asks partners for
their consent, and works without JavaScript."""

from datetime import timedelta
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import func, select

from storefront.accounts.models import Role
from storefront.catalog.models import ProductStatus
from storefront.clock import today_in_vietnam
from storefront.combos.builder import ComboDraft, preview, save_combo
from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.models import (
    Combo,
    ComboComponent,
    ComboKind,
    ComboStatus,
    Consent,
    Occasion,
    PriceMode,
)
from storefront.mail.models import OutboxMessage
from storefront.producers.models import ProducerStatus
from tests.combos.portal_helpers import (
    builder_form,
    mail_to,
    member_of,
    producer_of,
    snapshot,
)
from tests.factories import (
    ComboFactory,
    HeritageFactory,
    PackagingFactory,
    ProducerFactory,
    ProductFactory,
)

pytestmark = pytest.mark.usefixtures("in_english")


def _draft(parts, **fields) -> ComboDraft:
    values = {
        "name": "Quà quê Vị Thanh",
        "kind": ComboKind.GIFT_COMBO,
        "price_mode": PriceMode.PERCENT_OFF,
        "percent_off": 10,
        "components": [(product.id, quantity) for product, quantity in parts],
    }
    values.update(fields)
    return ComboDraft(**values)


@pytest.fixture
def member(login_as, db):
    return login_as(member_of())


def test_a_new_combo_takes_own_products_freely_and_waits_for_the_partners_consent(
    client, member, db
):
    own = ProductFactory(producer=producer_of(member), stars=4, name="Khóm Cầu Đúc")
    partner = ProducerFactory(name="Hợp tác xã Mật ong U Minh")
    theirs = ProductFactory(producer=partner, stars=5, name="Mật ong hoa tràm")
    heritage = HeritageFactory()
    db.session.commit()

    response = client.post(
        "/producer/combos/new",
        data=builder_form(
            parts=[(own, 2), (theirs, 1)],
            heritage=heritage.id,
            occasions="tet",
        ),
    )

    assert response.status_code == 302
    combo = db.session.scalar(select(Combo))
    assert response.location.endswith(f"/producer/combos/{combo.id}")
    assert combo.owner_id == member.producer_id and combo.status is ComboStatus.DRAFT
    assert combo.slug == "qua-tet-hau-giang" and combo.heritage_id == heritage.id
    assert combo.occasion_set == {Occasion.TET}
    assert [(c.product_id, c.quantity, c.consent) for c in combo.components] == [
        (own.id, 2, Consent.ACCEPTED),
        (theirs.id, 1, Consent.PENDING),
    ]
    assert all(c.producer_id == c.product.producer_id for c in combo.components)
    assert " mat ong hoa tram " in combo.search_folded


def test_a_second_combo_of_the_same_name_gets_its_own_address(db):
    owner = ProducerFactory()
    product = ProductFactory(producer=owner, stars=4)
    actor = member_of(owner)
    today = today_in_vietnam()

    first = save_combo(None, _draft([(product, 1)]), owner=owner, actor=actor, today=today)
    second = save_combo(None, _draft([(product, 1)]), owner=owner, actor=actor, today=today)

    assert (first.slug, second.slug) == ("qua-que-vi-thanh", "qua-que-vi-thanh-2")


@pytest.mark.parametrize(
    ("case", "code", "message"),
    [
        ("price above parts", ComboErrorCode.PRICE_ABOVE_PARTS, "cannot cost more than"),
        ("price zero", ComboErrorCode.PRICE_ZERO, "must be more than 0"),
        ("uncertified", ComboErrorCode.COMPONENT_NOT_CERTIFIED, "valid OCOP certificate"),
        ("expired", ComboErrorCode.COMPONENT_NOT_CERTIFIED, "valid OCOP certificate"),
        ("empty", ComboErrorCode.EMPTY, "at least one product"),
        ("quantity 0", ComboErrorCode.QUANTITY_OUT_OF_RANGE, "from 1 to 50"),
        ("quantity 51", ComboErrorCode.QUANTITY_OUT_OF_RANGE, "from 1 to 50"),
        ("percent 91", ComboErrorCode.PERCENT_OUT_OF_RANGE, "from 1 to 90"),
        ("withdrawn", ComboErrorCode.COMPONENT_NOT_SOLD, "not on sale"),
    ],
)
def test_a_combo_the_shop_could_not_sell_is_refused_and_nothing_changes(
    client, member, db, case, code, message
):
    owner = producer_of(member)
    a = ProductFactory(producer=owner, stars=4, price_vnd=100_000)
    b = ProductFactory(producer=owner, stars=3, price_vnd=50_000)
    existing = ComboFactory(owner=owner, parts=[(a, 1)], name="Combo cũ")
    today = today_in_vietnam()
    extra: dict = {}
    parts: list = [(a, 1), (b, 2)]  # parts: 200 000 ₫
    if case == "price above parts":
        extra = {"mode": "fixed", "fixed": "200.001"}
    elif case == "price zero":
        extra = {"mode": "fixed", "fixed": "0"}
    elif case == "uncertified":
        parts.append((ProductFactory(producer=owner), 1))
    elif case == "expired":
        c = ProductFactory(producer=owner, stars=4)
        c.certificates[0].issued_on = today - timedelta(days=1000)
        c.certificates[0].expires_on = today
        parts.append((c, 1))
    elif case == "empty":
        parts = []
    elif case == "quantity 0":
        parts[1] = (b, 0)
    elif case == "quantity 51":
        parts[1] = (b, 51)
    elif case == "percent 91":
        extra = {"percent": "91"}
    elif case == "withdrawn":
        parts.append((ProductFactory(producer=owner, stars=4, status=ProductStatus.DRAFT), 1))
    db.session.commit()
    before = snapshot()

    created = client.post("/producer/combos/new", data=builder_form(parts=parts, **extra))
    edited = client.post(
        f"/producer/combos/{existing.id}", data=builder_form(name="Tên mới", parts=parts, **extra)
    )

    for response in (created, edited):
        assert response.status_code == 200
        assert message in response.get_data(as_text=True)
    assert snapshot() == before
    mode = PriceMode(extra.get("mode", "percent_off"))
    draft = _draft(
        parts,
        price_mode=mode,
        fixed_price_vnd={"price above parts": 200_001, "price zero": 0}.get(case),
        percent_off=(91 if case == "percent 91" else 10) if mode is PriceMode.PERCENT_OFF else None,
    )
    with pytest.raises(ComboError) as refused:
        save_combo(None, draft, owner=owner, actor=member, today=today)
    assert refused.value.code is code


def test_a_refused_row_carries_its_message_next_to_its_quantity(client, member, db):
    product = ProductFactory(producer=producer_of(member), stars=4, name="Bánh pía")
    db.session.commit()

    page = client.post("/producer/combos/new", data=builder_form(parts=[(product, 51)]))

    html = page.get_data(as_text=True)
    assert f'id="row-{product.id}-error"' in html
    assert 'aria-describedby="row-' + str(product.id) + '-error"' in html
    assert db.session.scalar(select(func.count(Combo.id))) == 0


def test_a_fixed_price_may_equal_the_parts_and_is_written_with_dots(client, member, db):
    product = ProductFactory(producer=producer_of(member), stars=4, price_vnd=185_000)
    db.session.commit()

    client.post(
        "/producer/combos/new",
        data=builder_form(parts=[(product, 2)], mode="fixed", fixed="370.000 ₫", percent=""),
    )

    combo = db.session.scalar(select(Combo))
    assert (combo.price_mode, combo.fixed_price_vnd, combo.percent_off) == (
        PriceMode.FIXED,
        370_000,
        None,
    )


def test_resaving_keeps_the_partners_answer_and_invites_only_new_partners(db):
    owner = ProducerFactory()
    actor = member_of(owner)
    own = ProductFactory(producer=owner, stars=4)
    partner = ProducerFactory()
    partner_member = member_of(partner)
    accepted = ProductFactory(producer=partner, stars=4)
    newcomer = ProducerFactory()
    newcomer_member = member_of(newcomer)
    added = ProductFactory(producer=newcomer, stars=4)
    combo = ComboFactory(owner=owner, parts=[(own, 1), (accepted, 1)], parts__consent="accepted")
    db.session.commit()

    save_combo(
        combo,
        _draft([(accepted, 3), (own, 1), (added, 1)]),
        owner=owner,
        actor=actor,
        today=today_in_vietnam(),
    )

    db.session.expire_all()
    assert [(c.product_id, c.quantity, c.position, c.consent) for c in combo.components] == [
        (accepted.id, 3, 0, Consent.ACCEPTED),
        (own.id, 1, 1, Consent.ACCEPTED),
        (added.id, 1, 2, Consent.PENDING),
    ]
    assert mail_to(partner_member.email) == []
    assert [m.template for m in mail_to(newcomer_member.email)] == ["combo_invitation"]


def test_a_removed_partner_product_is_dropped_with_its_answer(db):
    owner = ProducerFactory()
    own = ProductFactory(producer=owner, stars=4)
    theirs = ProductFactory(stars=4)
    combo = ComboFactory(owner=owner, parts=[(own, 1), (theirs, 1)], parts__consent="declined")
    db.session.commit()

    save_combo(
        combo, _draft([(own, 2)]), owner=owner, actor=member_of(owner), today=today_in_vietnam()
    )

    assert db.session.scalar(select(func.count(ComboComponent.id))) == 1


def test_packaging_must_be_the_owners_own_active_items(db):
    owner = ProducerFactory()
    product = ProductFactory(producer=owner, stars=4)
    mine = PackagingFactory(producer=owner)
    retired = PackagingFactory(producer=owner, active=False)
    someone_elses = PackagingFactory()
    today = today_in_vietnam()

    def problems(item_ids):
        draft = _draft([(product, 1)], packaging_item_ids=item_ids)
        return [p.code for p in preview(draft, owner=owner, today=today).problems]

    assert problems([mine.id]) == []
    assert problems([mine.id, retired.id]) == [ComboErrorCode.UNKNOWN_PACKAGING]
    assert problems([someone_elses.id]) == [ComboErrorCode.UNKNOWN_PACKAGING]
    assert problems([9999]) == [ComboErrorCode.UNKNOWN_PACKAGING]


def test_an_unknown_heritage_or_product_is_refused(db):
    owner = ProducerFactory()
    product = ProductFactory(producer=owner, stars=4)
    today = today_in_vietnam()

    draft = _draft([(product, 1)], heritage_id=9999)
    draft.components.append((424242, 1))
    codes = [(p.code, p.product_id) for p in preview(draft, owner=owner, today=today).problems]

    assert codes == [
        (ComboErrorCode.UNKNOWN_PRODUCT, 424242),
        (ComboErrorCode.UNKNOWN_HERITAGE, None),
    ]


def test_more_than_twelve_products_are_refused(db):
    owner = ProducerFactory()
    products = [ProductFactory(producer=owner, stars=3) for _ in range(13)]

    result = preview(_draft([(p, 1) for p in products]), owner=owner, today=today_in_vietnam())

    assert [p.code for p in result.problems] == [ComboErrorCode.TOO_MANY_COMPONENTS]


def test_the_preview_endpoint_gives_the_summary_figures(client, member, db):
    owner = producer_of(member)
    a = ProductFactory(producer=owner, stock=7, price_vnd=120_000, stars=4)
    b = ProductFactory(stock=5, price_vnd=80_000, stars=3)  # a partner's
    db.session.commit()

    response = client.post(
        "/producer/combos/preview", data=builder_form(parts=[(a, 2), (b, 1)], percent="15")
    )

    assert response.status_code == 200
    figures = response.get_json()
    assert figures["makes"] == 3
    assert figures["parts_vnd"] == 320_000
    assert figures["price_vnd"] == 272_000
    assert figures["saving_vnd"] == 48_000 and figures["saving_percent"] == 15
    assert figures["min_stars"] == 3
    assert figures["text"]["price"] == "272.000\u00a0₫"
    assert [line["line_vnd"] for line in figures["lines"]] == [240_000, 80_000]
    assert figures["problems"] == []
    assert db.session.scalar(select(func.count(Combo.id))) == 0


def test_the_preview_counts_packaging_and_lists_problems(client, member, db):
    owner = producer_of(member)
    a = ProductFactory(producer=owner, stock=40, price_vnd=100_000, stars=5)
    box = PackagingFactory(producer=owner, stock=4)
    db.session.commit()

    figures = client.post(
        "/producer/combos/preview",
        data=builder_form(parts=[(a, 1)], mode="fixed", fixed="150000", packaging=box.id),
    ).get_json()

    assert figures["makes"] == 4
    assert [p["code"] for p in figures["problems"]] == ["price_above_parts"]


def test_the_summary_is_drawn_by_the_server_on_every_post(client, member, db):
    owner = producer_of(member)
    a = ProductFactory(producer=owner, stock=7, price_vnd=120_000, stars=4)
    b = ProductFactory(producer=owner, stock=5, price_vnd=80_000, stars=3)
    db.session.commit()

    page = client.post(
        "/producer/combos/new", data=builder_form(parts=[(a, 2), (b, 1)], action="refresh")
    )

    html = page.get_data(as_text=True)
    assert 'data-summary-field="parts">320.000\u00a0₫' in html
    assert 'data-summary-field="price">288.000\u00a0₫' in html
    assert 'data-summary-field="makes">3<' in html
    assert db.session.scalar(select(func.count(Combo.id))) == 0


def test_products_are_added_and_removed_without_javascript_and_nothing_is_saved(client, member, db):
    owner = producer_of(member)
    honey = ProductFactory(producer=owner, stars=4, name="Mật ong rừng tràm")
    rice = ProductFactory(producer=owner, stars=4, name="Gạo thơm Vị Thủy")
    db.session.commit()

    added = client.post(
        "/producer/combos/new",
        data=builder_form(parts=[(honey, 2)], action=f"add-{rice.id}"),
    )
    removed = client.post(
        "/producer/combos/new",
        data=builder_form(parts=[(honey, 2), (rice, 1)], action=f"remove-{honey.id}"),
    )

    added_html = added.get_data(as_text=True)
    assert f'name="components-1-product_id" type="hidden" value="{rice.id}"' in added_html
    assert 'name="components-0-quantity" type="number" value="2"' in added_html
    removed_html = removed.get_data(as_text=True)
    assert f'name="components-0-product_id" type="hidden" value="{rice.id}"' in removed_html
    assert "components-1-product_id" not in removed_html
    assert db.session.scalar(select(func.count(Combo.id))) == 0


def test_the_finder_lists_certified_products_on_sale_own_first(client, member, db):
    owner = producer_of(member)
    ProductFactory(stars=5, name="Khô cá lóc đồng")  # a partner's, listed after
    ProductFactory(producer=owner, stars=3, name="Khô cá sặc")
    ProductFactory(producer=owner, name="Khô cá tra chưa chứng nhận")
    ProductFactory(producer=owner, stars=4, name="Khô cá rô nháp", status=ProductStatus.DRAFT)
    db.session.commit()

    page = client.post("/producer/combos/new", data=builder_form(q="kho ca", action="search"))

    html = page.get_data(as_text=True)
    finder = html[html.index('id="finder-title"') :]
    assert finder.index("Khô cá sặc") < finder.index("Khô cá lóc đồng")
    assert "chưa chứng nhận" not in finder and "rô nháp" not in finder


def test_a_picture_is_stored_in_the_combos_folder(client, member, db, app):
    product = ProductFactory(producer=producer_of(member), stars=4)
    db.session.commit()
    picture = BytesIO()
    Image.new("RGB", (900, 600), (176, 54, 95)).save(picture, "PNG")
    picture.seek(0)

    client.post(
        "/producer/combos/new",
        data={**builder_form(parts=[(product, 1)]), "picture": (picture, "qua.png")},
        content_type="multipart/form-data",
    )

    combo = db.session.scalar(select(Combo))
    assert combo.image_path.startswith("combos/") and combo.thumb_path.startswith("combos/")
    assert (app.config["UPLOAD_DIR"] / combo.image_path).exists()
    assert (combo.image_width, combo.image_height) == (900, 600)


def test_a_file_that_is_no_picture_is_refused_and_nothing_is_saved(client, member, db, app):
    product = ProductFactory(producer=producer_of(member), stars=4)
    db.session.commit()

    page = client.post(
        "/producer/combos/new",
        data={**builder_form(parts=[(product, 1)]), "picture": (BytesIO(b"nope"), "qua.png")},
        content_type="multipart/form-data",
    )

    assert page.status_code == 200
    assert db.session.scalar(select(func.count(Combo.id))) == 0
    assert not (app.config["UPLOAD_DIR"] / "combos").exists()


def test_staff_build_a_combo_for_a_producer_whose_partners_still_consent(client, login_as, db):
    owner = ProducerFactory(name="A Owner")
    own = ProductFactory(producer=owner, stars=4)
    partner = ProducerFactory(name="B Partner")
    partner_member = member_of(partner)
    theirs = ProductFactory(producer=partner, stars=4)
    db.session.commit()
    login_as(Role.STAFF)

    response = client.post(
        "/staff/combos/new", data=builder_form(parts=[(own, 1), (theirs, 1)], owner=owner.id)
    )

    combo = db.session.scalar(select(Combo))
    assert response.status_code == 302
    assert response.location.endswith(f"/staff/combos/{combo.id}/edit")
    assert combo.owner_id == owner.id
    assert [c.consent for c in combo.components] == [Consent.ACCEPTED, Consent.PENDING]
    assert len(mail_to(partner_member.email)) == 1
    edited = client.post(
        f"/staff/combos/{combo.id}/edit",
        data=builder_form(name="Đổi tên", parts=[(own, 2), (theirs, 1)]),
    )
    assert edited.status_code == 302
    db.session.expire_all()
    assert combo.name == "Đổi tên" and combo.owner_id == owner.id
    assert [c.consent for c in combo.components] == [Consent.ACCEPTED, Consent.PENDING]


def test_staff_cannot_give_a_combo_to_an_unapproved_producer(client, login_as, db):
    ProducerFactory(name="Approved")
    pending = ProducerFactory(status=ProducerStatus.PENDING)
    product = ProductFactory(producer=pending, stars=4)
    db.session.commit()
    login_as(Role.STAFF)

    page = client.post(
        "/staff/combos/new", data=builder_form(parts=[(product, 1)], owner=pending.id)
    )

    assert page.status_code == 200
    assert db.session.scalar(select(func.count(Combo.id))) == 0
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 0
