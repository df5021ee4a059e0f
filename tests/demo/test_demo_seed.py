"""`flask seed-demo` mirrors Hậu Giang's OCOP programme at the end of 2022, deterministically.

Seeding draws some 270 pictures, so the read-only tests share one seeded database (a file
in a temporary folder); tests that change the database seed their own.
"""

import hashlib
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storefront import create_app
from storefront.catalog.filters import CatalogFilters
from storefront.catalog.listing import list_products
from storefront.catalog.models import (
    IssuingBody,
    OcopCertificate,
    Product,
    ProductStatus,
    Verification,
    add_months,
)
from storefront.catalog.search import index_product
from storefront.clock import today_in_vietnam
from storefront.demo.producers_data import PROVINCE_CODE, WARDS
from storefront.demo.seed import seed_demo
from storefront.extensions import db as _db
from storefront.producers.models import Producer, ProducerKind, ProducerStatus
from storefront.text import slugify

RICE = "Gạo sạch Vị Thủy"
SUMMARY = "Seeded 82 producers, 187 products (175 certified: 68 four-star, 107 three-star)"


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, str]]:
    """An app on a SQLite file seeded once with the demo, and the seed's summary."""
    folder = tmp_path_factory.mktemp("demo")
    app = create_app(
        "testing",
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'demo.db'}", "UPLOAD_DIR": folder},
    )
    with app.app_context():
        _db.create_all()
        summary = seed_demo()
    yield app, summary
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture
def demo(demo_app: tuple[Flask, str]) -> Iterator[Flask]:
    app, _ = demo_app
    with app.app_context():
        yield app


def listed(**filters: object) -> list[Product]:
    page = list_products(CatalogFilters(per_page=1000, **filters), today=today_in_vietnam())
    return [item.product for item in page.items]


def all_products() -> list[Product]:
    return list(
        _db.session.scalars(
            select(Product).options(selectinload(Product.certificates)).order_by(Product.slug)
        )
    )


def certificate_facts(product: Product) -> list[tuple]:
    return sorted(
        (c.stars, c.decision_number, c.issued_on, c.expires_on, c.issuing_body, c.verification)
        for c in product.certificates
    )


def snapshot(upload_dir: Path) -> tuple[list[tuple], list[tuple], dict[str, str]]:
    """Everything the seed decides: products, certificates, producers, and picture bytes."""
    products = [
        (
            p.name, p.name_en, p.slug, p.unit, p.unit_en, p.price_vnd, p.weight_grams, p.stock,
            p.description, p.description_en, p.story, p.story_en, p.producer.name,
            p.category.slug, p.created_at, certificate_facts(p),
        )
        for p in all_products()
    ]  # fmt: skip
    producers = [
        (p.name, p.slug, p.kind, p.ward_code, p.address, p.phone, p.story, p.logo)
        for p in _db.session.scalars(select(Producer).order_by(Producer.slug))
    ]
    pictures = {
        str(path.relative_to(upload_dir)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(upload_dir.rglob("*.webp"))
    }
    return products, producers, pictures


def test_demo_lists_175_certified_products_68_with_four_stars_and_107_with_three(demo_app, demo):
    assert demo_app[1] == SUMMARY
    assert len(listed()) == 175
    assert len(listed(stars=frozenset({4}))) == 68
    assert len(listed(stars=frozenset({3}))) == 107


def test_listed_certificates_are_provincial_verified_and_issued_in_the_last_30_months(demo):
    today = today_in_vietnam()
    for product in listed():
        certificate = product.current_certificate
        assert certificate.issuing_body is IssuingBody.PROVINCIAL
        assert certificate.decision_number.endswith("/QĐ-UBND")
        assert today - timedelta(days=31 * 30) < certificate.issued_on < today
        assert certificate.expires_on == add_months(certificate.issued_on, 36)
        assert certificate.is_valid_on(today)


def test_demo_has_82_approved_producers_13_enterprises_22_cooperatives_47_households(demo):
    producers = list(_db.session.scalars(select(Producer)))

    assert Counter(p.kind for p in producers) == {
        ProducerKind.ENTERPRISE: 13,
        ProducerKind.COOPERATIVE: 22,
        ProducerKind.HOUSEHOLD: 47,
    }
    assert {p.status for p in producers} == {ProducerStatus.APPROVED}
    assert {p.province.name for p in producers} == {"Thành phố Cần Thơ"}
    assert {p.ward_code for p in producers} == set(WARDS)
    assert {p.ward.province_code for p in producers} == {PROVINCE_CODE}
    assert all(p.slug == slugify(p.name) and p.address and p.phone and p.story for p in producers)


def test_twelve_products_whose_2020_certificates_expired_are_active_but_not_listed(demo):
    today = today_in_vietnam()
    shown = {product.id for product in listed()}

    expired = [p for p in all_products() if not p.current_certificate.is_valid_on(today)]

    assert len(expired) == 12
    for product in expired:
        (certificate,) = product.certificates
        assert certificate.issued_on.year == 2020
        assert certificate.expires_on.year == 2023
        assert certificate.verification is Verification.VERIFIED
        assert product.status is ProductStatus.ACTIVE
        assert product.id not in shown


def test_seven_four_star_products_await_the_central_five_star_evaluation(demo):
    pending = list(
        _db.session.scalars(
            select(OcopCertificate).where(OcopCertificate.verification == Verification.PENDING)
        )
    )

    assert len(pending) == 7
    assert {(c.stars, c.issuing_body) for c in pending} == {(5, IssuingBody.CENTRAL)}
    assert {c.product.current_certificate.stars for c in pending} == {4}
    assert RICE in {c.product.name for c in pending}


def test_every_product_and_producer_has_its_picture_on_disk(demo):
    upload_dir = Path(demo.config["UPLOAD_DIR"])

    for product in all_products():
        (image,) = product.images
        assert (image.path, image.alt, image.position) == (
            f"products/{product.slug}.webp",
            product.name,
            0,
        )
        with Image.open(upload_dir / image.path) as picture:
            assert (picture.format, picture.size) == ("WEBP", (image.width, image.height))
    for producer in _db.session.scalars(select(Producer)):
        assert (upload_dir / producer.logo).is_file()


def test_seeding_a_database_that_has_products_changes_nothing(demo):
    upload_dir = Path(demo.config["UPLOAD_DIR"])
    before = snapshot(upload_dir)

    assert seed_demo() == "The database already has products: nothing seeded."

    _db.session.expire_all()
    assert snapshot(upload_dir) == before


def test_seeding_is_deterministic(demo_app, app, db):
    demo, _ = demo_app
    with demo.app_context():
        first = snapshot(Path(demo.config["UPLOAD_DIR"]))

    assert seed_demo() == SUMMARY

    assert snapshot(Path(app.config["UPLOAD_DIR"])) == first


@pytest.mark.usefixtures("on_both_databases")
def test_extra_products_are_listed_indexed_and_rank_after_the_rice_in_search(db):
    seed_demo()

    summary = seed_demo(extra_products=50)

    assert summary.startswith("Added 50 products: the store has 82 producers, 237 products (225")
    assert len(listed()) == 225
    assert listed(q="gao vi thuy")[0].name == RICE
    extra = db.session.scalars(select(Product).order_by(Product.id.desc())).first()
    assert " lô " in extra.name and extra.images[0].width == 640
    indexed = extra.search_text, extra.search_folded
    index_product(extra)
    assert (extra.search_text, extra.search_folded) == indexed
