"""Staff add and edit the heritage entries combos are tied to: a place checked against its
province, a story, and a picture checked and stored like product pictures."""

from io import BytesIO
from pathlib import Path

import pytest
from flask import Flask
from PIL import Image
from sqlalchemy import func, select

from storefront.accounts.models import Role
from storefront.combos.models import Combo, Heritage, HeritageKind
from storefront.extensions import db
from tests.factories import CAN_THO, ComboFactory, HeritageFactory, ProductFactory

NGA_BAY_WARD = 31340  # Phường Ngã Bảy, Thành phố Cần Thơ
PHUNG_HIEP_WARD = 31420  # Xã Phụng Hiệp, Thành phố Cần Thơ
HA_NOI = 1
BA_DINH_WARD = 4  # Phường Ba Đình, Thành phố Hà Nội


def picture(size: tuple[int, int] = (900, 600)) -> BytesIO:
    out = BytesIO()
    Image.new("RGB", size, (143, 179, 173)).save(out, "PNG")
    out.seek(0)
    return out


def entry(**changes: object) -> dict[str, object]:
    """A valid heritage form; `changes` replace or add fields."""
    return {
        "name": "Chợ nổi Ngã Bảy",
        "name_en": "Ngã Bảy floating market",
        "kind": "floating_market",
        "province": str(CAN_THO),
        "ward": str(NGA_BAY_WARD),
        "story": "Ghe xuồng họp chợ nơi **bảy** dòng kênh gặp nhau.",
        "story_en": "Boats meet where seven waterways join.",
        **changes,
    }


def entries() -> list[Heritage]:
    return list(db.session.scalars(select(Heritage).execution_options(populate_existing=True)))


def stored_files(app: Flask) -> list[Path]:
    folder = Path(app.config["UPLOAD_DIR"]) / "heritage"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_staff_add_an_entry_with_its_picture_and_find_it_in_the_list(app, staff_client, staff):
    response = staff_client.post(
        "/staff/heritage/new",
        data=entry(picture=(picture(), "cho-noi.png")),
        content_type="multipart/form-data",
    )

    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/heritage"
    (added,) = entries()
    assert (added.slug, added.name, added.name_en) == (
        "cho-noi-nga-bay",
        "Chợ nổi Ngã Bảy",
        "Ngã Bảy floating market",
    )
    assert added.kind is HeritageKind.FLOATING_MARKET
    assert (added.province_code, added.ward_code) == (CAN_THO, NGA_BAY_WARD)
    assert added.story.startswith("Ghe xuồng") and added.story_en.startswith("Boats")
    upload_dir = Path(app.config["UPLOAD_DIR"])
    with Image.open(upload_dir / added.image_path) as stored:
        assert (stored.format, stored.size) == ("WEBP", (added.image_width, added.image_height))
    with Image.open(upload_dir / added.thumb_path) as thumb:
        assert thumb.size == (added.thumb_width, added.thumb_height) == (400, 267)
    assert added.image_path.startswith("heritage/") and "cho-noi" not in added.image_path
    listed = staff_client.get("/staff/heritage").get_data(as_text=True)
    assert "Chợ nổi Ngã Bảy" in listed and "Floating market" in listed
    assert "Phường Ngã Bảy" in listed


def test_an_entry_needs_no_picture_and_a_name_already_used_gets_its_own_address(
    staff_client, staff
):
    staff_client.post("/staff/heritage/new", data=entry())
    staff_client.post("/staff/heritage/new", data=entry(name_en="", story_en=""))

    first, second = sorted(entries(), key=lambda h: h.id)
    assert (first.slug, second.slug) == ("cho-noi-nga-bay", "cho-noi-nga-bay-2")
    assert first.image_path is None
    assert (second.name_en, second.story_en) == (None, None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ward": str(BA_DINH_WARD)}, "Choose a ward or commune of that province."),
        ({"province": "999", "ward": "1"}, "Choose a province from the list."),
        ({"name": "  "}, "Enter a name."),
        ({"story": ""}, "Write its story"),
        ({"kind": "castle"}, "Not a valid choice"),
        ({"picture": (BytesIO(b"GIF89a not really"), "fake.png")}, "not a picture we accept"),
    ],
)
def test_bad_input_is_shown_again_with_the_reason_and_nothing_is_saved(
    app, staff_client, staff, changes, message
):
    response = staff_client.post(
        "/staff/heritage/new", data=entry(**changes), content_type="multipart/form-data"
    )

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in html
    assert 'value="Ngã Bảy floating market"' in html  # what was typed is kept
    assert entries() == []
    assert stored_files(app) == []


def test_choosing_a_province_shows_its_wards_and_saves_nothing(staff_client, staff):
    shown = staff_client.get(f"/staff/heritage/new?province={CAN_THO}").get_data(as_text=True)
    chosen = staff_client.post(
        "/staff/heritage/new", data=entry(province=str(HA_NOI), ward="", choose_province="1")
    )

    assert f'<option value="{NGA_BAY_WARD}">Phường Ngã Bảy</option>' in shown
    assert chosen.status_code == 200
    assert f'<option value="{BA_DINH_WARD}">Phường Ba Đình</option>' in chosen.get_data(
        as_text=True
    )
    assert entries() == []


def test_editing_saves_the_changes_keeps_the_address_and_refreshes_its_combos_search(
    staff_client, staff, db
):
    heritage = HeritageFactory(name="Chợ nổi Ngã Bảy", slug="cho-noi-nga-bay")
    combo = ComboFactory(heritage=heritage, parts=[(ProductFactory(stars=4), 1)])
    db.session.commit()

    response = staff_client.post(
        f"/staff/heritage/{heritage.id}",
        data=entry(
            name="Chợ nổi Phụng Hiệp",
            name_en="Phụng Hiệp floating market",
            kind="craft_village",
            ward=str(PHUNG_HIEP_WARD),
            story="Chợ trên sông.",
        ),
    )

    assert response.status_code == 302
    (edited,) = entries()
    assert (edited.slug, edited.name, edited.kind, edited.story) == (
        "cho-noi-nga-bay",
        "Chợ nổi Phụng Hiệp",
        HeritageKind.CRAFT_VILLAGE,
        "Chợ trên sông.",
    )
    folded = db.session.scalar(select(Combo.search_folded).where(Combo.id == combo.id))
    assert " phung hiep " in folded and " nga bay " not in folded


def test_a_new_picture_replaces_the_old_one(app, staff_client, staff):
    staff_client.post(
        "/staff/heritage/new",
        data=entry(picture=(picture(), "old.png")),
        content_type="multipart/form-data",
    )
    (heritage,) = entries()
    old = {heritage.image_path, heritage.thumb_path}

    staff_client.post(
        f"/staff/heritage/{heritage.id}",
        data=entry(picture=(picture((600, 900)), "new.jpg")),
        content_type="multipart/form-data",
    )

    (heritage,) = entries()
    assert (heritage.image_width, heritage.image_height) == (600, 900)
    assert {p.name for p in stored_files(app)} == {
        Path(heritage.image_path).name,
        Path(heritage.thumb_path).name,
    }
    assert old.isdisjoint({heritage.image_path, heritage.thumb_path})


def test_a_refused_edit_changes_nothing(staff_client, staff, db):
    heritage = HeritageFactory(name="Kênh xáng Xà No", slug="kenh-xang-xa-no")
    db.session.commit()

    response = staff_client.post(
        f"/staff/heritage/{heritage.id}",
        data=entry(name="Kênh Xà No mới", ward=str(BA_DINH_WARD)),
    )

    assert response.status_code == 200
    assert "Choose a ward or commune of that province." in response.get_data(as_text=True)
    (unchanged,) = entries()
    assert (unchanged.name, unchanged.ward_code) == ("Kênh xáng Xà No", heritage.ward_code)


def test_the_edit_page_shows_the_entry_and_its_story(staff_client, staff, db):
    heritage = HeritageFactory(name="Lễ hội Khóm Cầu Đúc", story="Khóm **ngọt** thanh.")
    db.session.commit()

    html = staff_client.get(f"/staff/heritage/{heritage.id}").get_data(as_text=True)

    assert 'value="Lễ hội Khóm Cầu Đúc"' in html
    assert "<strong>ngọt</strong>" in html
    assert staff_client.get("/staff/heritage/999").status_code == 404


def test_only_staff_curate_heritage(client, login_as, db):
    heritage = HeritageFactory()
    db.session.commit()
    login_as(Role.PRODUCER)

    answers = [
        client.get("/staff/heritage").status_code,
        client.get("/staff/heritage/new").status_code,
        client.post("/staff/heritage/new", data=entry()).status_code,
        client.post(f"/staff/heritage/{heritage.id}", data=entry(name="Đổi tên")).status_code,
    ]

    assert answers == [403, 403, 403, 403]
    assert db.session.scalar(select(func.count(Heritage.id))) == 1
