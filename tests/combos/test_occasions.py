"""The coming occasion by the lunar calendar, and the home page's combos for it."""

from datetime import date

import pytest

from storefront.clock import today_in_vietnam
from storefront.combos.listing import featured_combos
from storefront.combos.models import ComboOccasion, Consent, Occasion
from storefront.combos.occasions import lunar_year_name, mid_autumn, tet, upcoming
from tests.factories import ComboFactory, ProducerFactory, ProductFactory

# Tết Đinh Mùi is on 6 February 2027; Mid-Autumn 2026 on 25 September 2026.


def test_lunar_dates_come_from_the_lunar_calendar():
    assert tet(2027) == date(2027, 2, 6)
    assert tet(2026) == date(2026, 2, 17)
    assert mid_autumn(2026) == date(2026, 9, 25)
    assert lunar_year_name(2027) == "Đinh Mùi"
    assert lunar_year_name(2026) == "Bính Ngọ"


@pytest.mark.parametrize(
    ("today", "occasion"),
    [
        (date(2026, 11, 8), Occasion.TET),  # 90 days ahead
        (date(2026, 11, 7), Occasion.SOUVENIR),  # 91 days ahead
        (date(2027, 1, 20), Occasion.TET),
        (date(2027, 2, 11), Occasion.TET),  # 5 days after
        (date(2027, 2, 12), Occasion.SOUVENIR),  # 6 days after
        (date(2026, 8, 11), Occasion.MID_AUTUMN),  # 45 days ahead
        (date(2026, 8, 10), Occasion.SOUVENIR),  # 46 days ahead
        (date(2026, 9, 25), Occasion.MID_AUTUMN),  # the day itself
        (date(2026, 9, 26), Occasion.SOUVENIR),
        (date(2026, 6, 1), Occasion.SOUVENIR),
        (date(2025, 12, 31), Occasion.TET),  # Tết of the next solar year
    ],
)
def test_coming_occasion(today, occasion):
    assert upcoming(today).occasion is occasion


def test_upcoming_gives_the_date_and_the_lunar_year_for_the_heading():
    coming = upcoming(date(2026, 12, 1))

    assert coming.on == date(2027, 2, 6)
    assert coming.year_name == "Đinh Mùi"
    assert not coming.begun
    assert upcoming(date(2027, 2, 8)).begun
    assert upcoming(date(2026, 6, 1)).on is None


@pytest.fixture
def gifts(db):
    owner = ProducerFactory()
    product = ProductFactory(producer=owner, stars=4)

    def combo(slug: str, *occasions: Occasion):
        made = ComboFactory(slug=slug, owner=owner, parts=[(product, 1)])
        made.occasions += [ComboOccasion(occasion=o) for o in occasions]
        return made

    combo("tet-1", Occasion.TET)
    combo("tet-2", Occasion.TET, Occasion.CORPORATE)
    combo("moon", Occasion.MID_AUTUMN)
    combo("trip", Occasion.SOUVENIR)
    pending = combo("tet-pending", Occasion.TET)
    pending.components[0].consent = Consent.PENDING
    db.session.commit()


def test_within_90_days_of_tet_the_featured_combos_are_the_tet_ones(gifts):
    today = date(2026, 11, 20)

    featured = featured_combos(upcoming(today).occasion, today=today, limit=8)

    assert featured.for_occasion
    assert sorted(card.combo.slug for card in featured.items) == ["tet-1", "tet-2"]


def test_without_combos_for_the_occasion_any_available_combos_are_featured(gifts):
    featured = featured_combos(Occasion.WEDDING, today=today_in_vietnam(), limit=3)

    assert not featured.for_occasion
    assert len(featured.items) == 3


def test_home_page_features_the_combos_for_the_coming_occasion(client, gifts):
    coming = upcoming(today_in_vietnam())
    for_it = {Occasion.TET: "tet-", Occasion.MID_AUTUMN: "moon", Occasion.SOUVENIR: "trip"}

    page = client.get("/?lang=en").text

    assert f'occasion-feature--{coming.occasion.value}"' in page
    assert f'href="/combos/{for_it[coming.occasion]}' in page
    assert 'href="/combos/tet-pending"' not in page
    assert f'href="/combos/?occasion={coming.occasion.value}"' in page
    if coming.occasion is Occasion.TET:
        assert f"Tết {coming.year_name}" in page


def test_home_page_without_combos_has_no_combo_section(client, db):
    assert "occasion-feature" not in client.get("/").text
