"""A combo is found by the names of what it is made of, and stays found when they change."""

import pytest
from sqlalchemy import select

from storefront.catalog.search import matches
from storefront.combos.models import Combo
from tests.factories import ComboFactory, HeritageFactory, ProducerFactory, ProductFactory

pytestmark = pytest.mark.usefixtures("on_both_databases")

OTHER_WARD = 31396  # Xã Hiệp Hưng, Thành phố Cần Thơ
OTHER_WARD_FOLDED = "xa hiep hung"


def found(db, query: str) -> list[str]:
    db.session.flush()
    return list(db.session.scalars(select(Combo.slug).where(matches(query, Combo))))


def test_a_combo_is_found_by_its_heritage_and_component_names_without_accents(db):
    owner = ProducerFactory(name="Hợp tác xã Khóm Hỏa Lựu")
    heritage = HeritageFactory(name="Chợ nổi Ngã Bảy")
    ComboFactory(
        slug="qua-khom",
        owner=owner,
        heritage=heritage,
        parts=[(ProductFactory(producer=owner, name="Mứt khóm Cầu Đúc", stars=4), 1)],
    )

    assert found(db, "cho noi nga bay") == ["qua-khom"]
    assert found(db, "mut khom cau duc") == ["qua-khom"]
    assert found(db, "hoa luu") == ["qua-khom"]


def test_renaming_a_component_or_its_producer_refreshes_the_combo_search_text(db):
    owner = ProducerFactory(name="Cơ sở Mật ong")
    honey = ProductFactory(producer=owner, name="Mật ong rừng", stars=4)
    ComboFactory(slug="qua-mat-ong", owner=owner, parts=[(honey, 1)])
    db.session.flush()

    honey.name = "Mật ong tràm U Minh"
    owner.name = "Hợp tác xã Ong Tràm"

    assert found(db, "ong tram u minh") == ["qua-mat-ong"]
    assert found(db, "hop tac xa ong tram") == ["qua-mat-ong"]
    assert found(db, "mat ong rung") == []


def test_renaming_or_moving_a_heritage_entry_refreshes_its_combos_search_text(db):
    heritage = HeritageFactory(name="Chợ nổi Ngã Bảy")
    ComboFactory(slug="qua-cho-noi", heritage=heritage, parts=[(ProductFactory(stars=4), 1)])
    db.session.flush()

    heritage.name = "Lễ hội Khóm Cầu Đúc"
    heritage.ward_code = OTHER_WARD

    assert found(db, "le hoi khom cau duc") == ["qua-cho-noi"]
    assert found(db, OTHER_WARD_FOLDED) == ["qua-cho-noi"]
    assert found(db, "cho noi nga bay") == []
