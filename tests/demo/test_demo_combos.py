"""`flask seed-demo` adds heritage entries of the former Hậu Giang area, the owners'
packaging, and some twenty combos of the demo's certified products.

Seeding draws a few hundred pictures, so these read-only tests share one seeded database.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from storefront import create_app
from storefront.catalog.search import matches
from storefront.clock import today_in_vietnam
from storefront.combos.availability import available_combos, combo_offer, offer_loading
from storefront.combos.models import (
    Combo,
    ComboStatus,
    Consent,
    Heritage,
    PackagingItem,
    PriceMode,
)
from storefront.combos.search import index_combo
from storefront.demo.seed import seed_demo
from storefront.extensions import db as _db
from storefront.producers.models import Producer
from storefront.producers.places import ward_choices

CAN_THO = 92


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    folder = tmp_path_factory.mktemp("demo-combos")
    app = create_app(
        "testing",
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'demo.db'}", "UPLOAD_DIR": folder},
    )
    with app.app_context():
        _db.create_all()
        seed_demo()
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture
def demo(demo_app: Flask) -> Iterator[Flask]:
    with demo_app.app_context():
        yield demo_app


def all_combos() -> list[Combo]:
    return list(
        _db.session.scalars(
            select(Combo)
            .options(*offer_loading(), joinedload(Combo.owner), joinedload(Combo.heritage))
            .order_by(Combo.id)
        ).unique()
    )


def heritage_entries() -> list[Heritage]:
    return list(_db.session.scalars(select(Heritage).order_by(Heritage.id)))


def picture_matches(upload_dir: Path, path: str | None, width: int | None, height: int | None):
    assert path is not None
    with Image.open(upload_dir / path) as picture:
        assert (picture.format, picture.size) == ("WEBP", (width, height))


def test_ten_heritage_entries_of_the_former_hau_giang_area_each_with_stories_and_a_picture(demo):
    upload_dir = Path(demo.config["UPLOAD_DIR"])
    entries = heritage_entries()

    assert len(entries) == 10
    names = {entry.name for entry in entries}
    assert {
        "Chợ nổi Ngã Bảy",
        "Lễ hội Khóm Cầu Đúc",
        "Khu bảo tồn thiên nhiên Lung Ngọc Hoàng",
        "Khu di tích Chiến thắng Chương Thiện",
        "Khu di tích Chiến thắng Tầm Vu",
    } <= names
    assert len({entry.kind for entry in entries}) == 6  # every kind is shown
    wards = {code for code, _name in ward_choices(CAN_THO)}
    for entry in entries:
        assert entry.province_code == CAN_THO and entry.ward_code in wards
        assert entry.name_en and entry.story.count("\n\n") >= 1 and entry.story_en
        picture_matches(upload_dir, entry.image_path, entry.image_width, entry.image_height)
        picture_matches(upload_dir, entry.thumb_path, entry.thumb_width, entry.thumb_height)
        assert entry.image_path == f"heritage/{entry.slug}.webp"


def test_about_twenty_combos_most_of_them_on_sale_by_the_one_availability_rule(demo):
    today = today_in_vietnam()
    combos = all_combos()

    on_sale = {combo.id for combo in combos if combo_offer(combo, today=today).purchasable}
    listed = {combo.id for combo in _db.session.scalars(available_combos(today))}

    assert 18 <= len(combos) <= 24
    assert listed == on_sale
    assert len(on_sale) >= len(combos) - 4


def test_several_combos_join_two_or_three_producers_who_accepted(demo):
    today = today_in_vietnam()
    shared = [c for c in all_combos() if len({part.producer_id for part in c.components}) > 1]
    on_sale = [c for c in shared if combo_offer(c, today=today).purchasable]

    assert len(on_sale) >= 8
    assert any(len({part.producer_id for part in c.components}) == 3 for c in on_sale)
    for combo in on_sale:
        for part in combo.components:
            assert part.consent is Consent.ACCEPTED
            assert part.producer_id == part.product.producer_id
            partner = part.producer_id != combo.owner_id
            assert (part.consent_at is not None) is partner
            if partner:
                assert part.consent_at >= combo.created_at


def test_an_unanswered_invitation_keeps_a_combo_a_draft_and_one_more_is_a_draft(demo):
    combos = all_combos()
    waiting = [c for c in combos if any(p.consent is Consent.PENDING for p in c.components)]
    drafts = [c for c in combos if c.status is ComboStatus.DRAFT]

    assert 1 <= len(waiting) <= 2
    assert all(c.status is ComboStatus.DRAFT for c in waiting)
    assert len(drafts) > len(waiting)
    for combo in waiting:
        for part in combo.components:
            assert part.consent is (
                Consent.ACCEPTED if part.producer_id == combo.owner_id else Consent.PENDING
            )


def test_every_combo_costs_less_than_its_parts(demo):
    today = today_in_vietnam()
    modes = set()
    for combo in all_combos():
        offer = combo_offer(combo, today=today)
        modes.add(combo.price_mode)
        assert 0 < offer.price_vnd < offer.parts_vnd
        if combo.price_mode is PriceMode.FIXED:
            assert combo.fixed_price_vnd < offer.parts_vnd
            assert combo.fixed_price_vnd % 1000 == 0
    assert modes == {PriceMode.FIXED, PriceMode.PERCENT_OFF}


def test_every_combo_tells_its_story_in_both_languages_with_its_picture(demo):
    upload_dir = Path(demo.config["UPLOAD_DIR"])
    combos = all_combos()

    for combo in combos:
        assert combo.story.strip() and combo.story_en and combo.story_en.strip()
        assert combo.name_en and combo.occasions
        picture_matches(upload_dir, combo.image_path, combo.image_width, combo.image_height)
        picture_matches(upload_dir, combo.thumb_path, combo.thumb_width, combo.thumb_height)
    tied = [combo for combo in combos if combo.heritage is not None]
    assert len(tied) >= 14
    assert len({combo.heritage_id for combo in tied}) >= 8
    assert {combo.kind for combo in combos} == {"gift_combo", "souvenir_bundle"}


def test_packaging_belongs_to_the_combo_owners_and_is_priced_and_stocked(demo):
    items = list(
        _db.session.scalars(select(PackagingItem).options(joinedload(PackagingItem.producer)))
    )

    assert len(items) >= 10
    assert all(item.price_vnd > 0 and item.stock >= 0 for item in items)
    assert len({item.kind for item in items}) == 4
    for combo in all_combos():
        assert all(choice.item.producer_id == combo.owner_id for choice in combo.packaging)


def test_combos_are_indexed_for_search_without_accents(demo):
    combos = list(
        _db.session.scalars(
            select(Combo).options(
                joinedload(Combo.owner),
                joinedload(Combo.heritage),
                selectinload(Combo.components),
            )
        ).unique()
    )
    for combo in combos:
        indexed = combo.search_text, combo.search_folded
        index_combo(combo)
        assert (combo.search_text, combo.search_folded) == indexed
    _db.session.rollback()

    found = _db.session.scalars(select(Combo.name).where(matches("cho noi nga bay", Combo)))

    assert "Trung thu bên chợ nổi" in set(found)


def test_the_combo_owners_are_approved_demo_producers(demo):
    owners = set(_db.session.scalars(select(Combo.owner_id)))
    producers = {p.id: p for p in _db.session.scalars(select(Producer))}

    assert owners <= set(producers)
    assert {producers[o].status for o in owners} == {"approved"}
