"""Only certified, active products of approved producers are listed, counted and searchable
(on SQLite and, marked `postgres`, on PostgreSQL)."""

from datetime import datetime, timedelta

import pytest

from storefront.catalog.filters import CatalogFilters, Sort
from storefront.catalog.listing import list_products
from storefront.catalog.models import ProductStatus, Verification
from storefront.clock import today_in_vietnam
from storefront.producers.models import ProducerKind, ProducerStatus
from tests.factories import CertificateFactory, ProducerFactory, ProductFactory

pytestmark = pytest.mark.usefixtures("on_both_databases")


def slugs(filters: CatalogFilters | None = None) -> list[str]:
    page = list_products(filters or CatalogFilters(), today=today_in_vietnam())
    return [item.product.slug for item in page.items]


def test_certificate_that_expired_yesterday_in_vietnam_is_not_listed(db):
    today = today_in_vietnam()
    ProductFactory(slug="valid", stars=4)
    expired = ProductFactory(slug="expired")
    CertificateFactory(
        product=expired, issued_on=today - timedelta(days=1000), expires_on=today - timedelta(1)
    )
    last_day = ProductFactory(slug="expires-tomorrow")
    CertificateFactory(
        product=last_day, issued_on=today - timedelta(days=1000), expires_on=today + timedelta(1)
    )

    assert set(slugs()) == {"valid", "expires-tomorrow"}
    assert list_products(CatalogFilters(), today=today).total == 2


def test_expiry_is_judged_on_vietnam_date_not_utc(db):
    # 2026-03-10 18:00 UTC is already 2026-03-11 01:00 in Vietnam.
    late_evening_utc = datetime(2026, 3, 10, 18, 0)
    assert today_in_vietnam(late_evening_utc).isoformat() == "2026-03-11"


def test_unverified_rejected_drafts_and_unapproved_producers_are_not_listed(db):
    ProductFactory(slug="listed", stars=3)
    pending = ProductFactory(slug="pending-cert")
    CertificateFactory(product=pending, verification=Verification.PENDING)
    rejected = ProductFactory(slug="rejected-cert")
    CertificateFactory(product=rejected, verification=Verification.REJECTED)
    ProductFactory(slug="never-certified")
    ProductFactory(slug="draft", stars=4, status=ProductStatus.DRAFT)
    ProductFactory(slug="archived", stars=4, status=ProductStatus.ARCHIVED)
    ProductFactory(slug="suspended-producer", stars=4, producer__status=ProducerStatus.SUSPENDED)
    ProductFactory(slug="pending-producer", stars=4, producer__status=ProducerStatus.PENDING)

    assert slugs() == ["listed"]


def test_the_newest_verified_certificate_decides_the_stars(db):
    today = today_in_vietnam()
    product = ProductFactory(slug="upgraded")
    CertificateFactory(product=product, stars=3, issued_on=today - timedelta(days=700))
    CertificateFactory(product=product, stars=4, issued_on=today - timedelta(days=30))
    CertificateFactory(product=product, stars=5, issued_on=today, verification=Verification.PENDING)

    page = list_products(CatalogFilters(), today=today)
    assert [item.certificate.stars for item in page.items] == [4]
    assert slugs(CatalogFilters(stars=frozenset({3}))) == []
    assert slugs(CatalogFilters(stars=frozenset({4}))) == ["upgraded"]


def test_a_newer_expired_certificate_hides_the_product_even_if_an_older_one_is_valid(db):
    # Renewal is by a newer decision; an older one never outlives it.
    today = today_in_vietnam()
    product = ProductFactory(slug="renewed-then-expired")
    CertificateFactory(product=product, issued_on=today - timedelta(days=400))
    CertificateFactory(
        product=product, issued_on=today - timedelta(days=10), expires_on=today - timedelta(1)
    )
    assert slugs() == []


def test_filters_combine(db):
    ProductFactory(slug="cheap-3", stars=3, price_vnd=50_000, stock=0)
    ProductFactory(slug="mid-4", stars=4, price_vnd=150_000)
    ProductFactory(
        slug="dear-4-household",
        stars=4,
        price_vnd=450_000,
        producer__kind=ProducerKind.HOUSEHOLD,
        producer__ward_code=31340,
    )

    assert slugs(CatalogFilters(stars=frozenset({4}), sort=Sort.PRICE_ASC)) == [
        "mid-4",
        "dear-4-household",
    ]
    assert slugs(CatalogFilters(price_min=100_000, price_max=200_000)) == ["mid-4"]
    assert slugs(CatalogFilters(in_stock=True, sort=Sort.PRICE_DESC)) == [
        "dear-4-household",
        "mid-4",
    ]
    assert slugs(CatalogFilters(producer_kind=ProducerKind.HOUSEHOLD)) == ["dear-4-household"]
    assert slugs(CatalogFilters(ward=31340)) == ["dear-4-household"]
    assert slugs(CatalogFilters(province=92, sort=Sort.PRICE_ASC))[0] == "cheap-3"
    assert slugs(CatalogFilters(province=1)) == []


def test_category_filter_includes_sub_categories(db):
    food = ProductFactory(slug="food", stars=3).category
    child = ProductFactory(slug="rice", stars=3, category__parent=food).category
    ProductFactory(slug="craft", stars=3)

    assert sorted(slugs(CatalogFilters(category=food.slug))) == ["food", "rice"]
    assert slugs(CatalogFilters(category=child.slug)) == ["rice"]
    assert slugs(CatalogFilters(category="no-such-category")) == []


def test_sorts_are_stable_and_pages_cover_everything_once(db):
    for n in range(7):
        ProductFactory(slug=f"p{n}", stars=3 + n % 2, price_vnd=100_000)
    seen = []
    for page_number in (1, 2, 3):
        page = list_products(
            CatalogFilters(sort=Sort.PRICE_ASC, page=page_number, per_page=3),
            today=today_in_vietnam(),
        )
        seen += [item.product.slug for item in page.items]
    assert sorted(seen) == [f"p{n}" for n in range(7)]
    assert page.total == 7 and page.pages == 3


def test_a_page_past_the_end_shows_the_last_page(db):
    for n in range(3):
        ProductFactory(slug=f"p{n}", stars=3)
    page = list_products(CatalogFilters(page=99, per_page=2), today=today_in_vietnam())
    assert page.page == 2 and len(page.items) == 1


def test_the_current_certificate_follows_verification_rejection_and_removal(db):
    today = today_in_vietnam()
    product = ProductFactory(slug="followed")
    older = CertificateFactory(product=product, stars=3, issued_on=today - timedelta(days=700))
    newer = CertificateFactory(
        product=product,
        stars=4,
        issued_on=today - timedelta(days=10),
        verification=Verification.PENDING,
    )
    db.session.commit()
    assert product.current_certificate == older

    newer.verification = Verification.VERIFIED
    db.session.commit()
    assert product.current_certificate == newer
    assert slugs(CatalogFilters(stars=frozenset({4}))) == ["followed"]

    newer.verification = Verification.REJECTED
    db.session.commit()
    assert product.current_certificate == older

    db.session.delete(older)
    db.session.commit()
    assert product.current_certificate is None
    assert slugs() == []


def test_locality_filter_offers_only_wards_with_listed_products(db):
    from storefront.catalog.facets import localities

    ProductFactory(slug="listed", stars=3, producer__ward_code=31340)
    ProductFactory(slug="uncertified", producer__ward_code=31471)
    ProducerFactory(ward_code=31441)  # no products at all

    assert [(loc.ward_code, loc.ward_name) for loc in localities(today_in_vietnam())] == [
        (31340, "Phường Ngã Bảy")
    ]
