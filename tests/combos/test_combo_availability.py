"""One availability rule for combos, in Python (combo_offer) and in SQL (available_combos):
a combo is sold only while it is published, its owner and every component's producer are
approved, every component is certified and active with its producer's consent, and stock
suffices; its stock is derived from its components and packaging, never stored."""

import pytest
from sqlalchemy import select

from storefront.catalog.models import ProductStatus
from storefront.clock import today_in_vietnam
from storefront.combos.availability import (
    ComboUnavailable,
    ComponentProblem,
    available_combos,
    combo_offer,
    min_stars_sql,
    offer_loading,
)
from storefront.combos.models import Combo, ComboPackaging, ComboStatus, Consent
from storefront.producers.models import ProducerStatus
from tests.factories import (
    CertificateFactory,
    ComboFactory,
    PackagingFactory,
    ProducerFactory,
    ProductFactory,
    expire,
)

pytestmark = pytest.mark.usefixtures("on_both_databases")


def offer(db, combo: Combo):
    db.session.flush()
    db.session.expire_all()
    loaded = db.session.scalar(select(Combo).where(Combo.id == combo.id).options(*offer_loading()))
    return combo_offer(loaded, today=today_in_vietnam())


def listed(db) -> set[str]:
    db.session.flush()
    return set(
        db.session.scalars(available_combos(today_in_vietnam()).with_only_columns(Combo.slug))
    )


@pytest.fixture
def two_part_combo(db):
    """The issue's example: A (stock 7) twice and B (stock 5) once, one owner."""
    owner = ProducerFactory()
    a = ProductFactory(producer=owner, stock=7, price_vnd=120_000, stars=4)
    b = ProductFactory(producer=owner, stock=5, price_vnd=80_000, stars=3)
    combo = ComboFactory(slug="two-parts", owner=owner, parts=[(a, 2), (b, 1)])
    return combo, a, b


def test_derived_stock_is_the_fewest_combos_any_component_allows(db, two_part_combo):
    combo, _a, _b = two_part_combo

    found = offer(db, combo)

    assert found.stock == 3  # floor(7 / 2) = 3, floor(5 / 1) = 5
    assert found.purchasable
    assert found.parts_vnd == 2 * 120_000 + 80_000
    assert found.price_vnd == 288_000  # 10 % off
    assert found.saving_vnd == 32_000
    assert found.min_stars == 3
    assert listed(db) == {"two-parts"}


def test_combo_offers_nothing_and_is_unlisted_once_a_component_certificate_expires(
    db, two_part_combo
):
    combo, a, _b = two_part_combo
    expire(a)

    found = offer(db, combo)

    assert found.stock == 0
    assert found.unavailable is ComboUnavailable.COMPONENT_UNAVAILABLE
    assert [(s.component.product_id, s.problem) for s in found.blockers] == [
        (a.id, ComponentProblem.CERTIFICATE_EXPIRED)
    ]
    assert listed(db) == set()


def test_combo_is_sold_out_and_unlisted_when_a_component_cannot_fill_one_combo(db, two_part_combo):
    combo, a, _b = two_part_combo
    a.stock = 1  # one combo needs 2

    found = offer(db, combo)

    assert found.unavailable is ComboUnavailable.SOLD_OUT
    assert found.blockers[0].problem is ComponentProblem.NOT_ENOUGH_STOCK
    assert listed(db) == set()


@pytest.mark.parametrize("consent", [Consent.PENDING, Consent.DECLINED])
def test_a_partner_product_without_consent_keeps_the_combo_off_sale(db, consent):
    owner, partner = ProducerFactory(), ProducerFactory()
    own = ProductFactory(producer=owner, stars=4)
    theirs = ProductFactory(producer=partner, stars=4)
    combo = ComboFactory(
        slug="shared", owner=owner, parts=[(own, 1), (theirs, 1)], parts__consent=consent
    )

    found = offer(db, combo)

    assert found.unavailable is ComboUnavailable.COMPONENT_UNAVAILABLE
    expected = {
        Consent.PENDING: ComponentProblem.AWAITING_CONSENT,
        Consent.DECLINED: ComponentProblem.CONSENT_DECLINED,
    }[consent]
    assert [s.problem for s in found.blockers] == [expected]
    assert listed(db) == set()


def test_an_accepted_partner_product_is_sold_with_the_combo(db):
    owner, partner = ProducerFactory(), ProducerFactory()
    combo = ComboFactory(
        slug="shared",
        owner=owner,
        parts=[
            (ProductFactory(producer=owner, stars=4), 1),
            (ProductFactory(producer=partner, stars=5), 2),
        ],
        parts__consent=Consent.ACCEPTED,
    )

    assert offer(db, combo).purchasable
    assert listed(db) == {"shared"}


def test_packaging_limits_stock_to_the_best_stocked_option(db, two_part_combo):
    combo, _a, _b = two_part_combo
    box = PackagingFactory(producer=combo.owner, stock=2)
    basket = PackagingFactory(producer=combo.owner, stock=1)
    combo.packaging = [
        ComboPackaging(item=box, position=0),
        ComboPackaging(item=basket, position=1),
    ]

    found = offer(db, combo)

    assert found.stock == 2
    assert found.stock_with(box.id) == 2
    assert found.stock_with(basket.id) == 1
    assert listed(db) == {"two-parts"}


def test_combo_is_unlisted_when_all_its_packaging_is_gone(db, two_part_combo):
    combo, _a, _b = two_part_combo
    box = PackagingFactory(producer=combo.owner, stock=0)
    withdrawn = PackagingFactory(producer=combo.owner, stock=9, active=False)
    combo.packaging = [
        ComboPackaging(item=box, position=0),
        ComboPackaging(item=withdrawn, position=1),
    ]

    found = offer(db, combo)

    assert found.unavailable is ComboUnavailable.SOLD_OUT
    assert listed(db) == set()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            lambda combo, part: setattr(combo, "status", ComboStatus.DRAFT),
            ComboUnavailable.NOT_PUBLISHED,
        ),
        (
            lambda combo, part: setattr(combo, "status", ComboStatus.HIDDEN),
            ComboUnavailable.NOT_PUBLISHED,
        ),
        (
            lambda combo, part: setattr(combo.owner, "status", ProducerStatus.SUSPENDED),
            ComboUnavailable.NO_LONGER_SOLD,
        ),
        (
            lambda combo, part: setattr(part, "status", ProductStatus.ARCHIVED),
            ComboUnavailable.COMPONENT_UNAVAILABLE,
        ),
    ],
    ids=["draft", "hidden", "owner-suspended", "component-archived"],
)
def test_python_and_sql_agree_on_what_is_off_sale(db, two_part_combo, change, reason):
    combo, a, _b = two_part_combo
    change(combo, a)

    assert offer(db, combo).unavailable is reason
    assert listed(db) == set()


def test_a_suspended_partner_takes_the_combo_off_sale(db):
    owner, partner = ProducerFactory(), ProducerFactory()
    combo = ComboFactory(
        owner=owner,
        parts=[
            (ProductFactory(producer=owner, stars=4), 1),
            (ProductFactory(producer=partner, stars=4), 1),
        ],
        parts__consent=Consent.ACCEPTED,
    )
    partner.status = ProducerStatus.SUSPENDED

    found = offer(db, combo)

    assert found.blockers[0].problem is ComponentProblem.NO_LONGER_SOLD
    assert listed(db) == set()


def test_a_combo_without_components_is_never_sold(db):
    combo = ComboFactory(slug="empty")

    assert offer(db, combo).unavailable is ComboUnavailable.EMPTY
    assert listed(db) == set()


def test_a_component_never_certified_takes_the_combo_off_sale(db):
    owner = ProducerFactory()
    uncertified = ProductFactory(producer=owner)
    combo = ComboFactory(
        owner=owner, parts=[(ProductFactory(producer=owner, stars=4), 1), (uncertified, 1)]
    )

    assert offer(db, combo).blockers[0].problem is ComponentProblem.NOT_CERTIFIED
    assert listed(db) == set()


def test_min_stars_in_sql_is_the_lowest_current_certificate(db):
    owner = ProducerFactory()
    renewed = ProductFactory(producer=owner, stars=3)
    CertificateFactory(product=renewed, stars=5, issued_on=today_in_vietnam())
    combo = ComboFactory(
        owner=owner, parts=[(renewed, 1), (ProductFactory(producer=owner, stars=4), 1)]
    )
    db.session.flush()

    assert db.session.scalar(select(min_stars_sql()).where(Combo.id == combo.id)) == 4
    assert offer(db, combo).min_stars == 4
