"""`flask seed-demo`: fill an empty store with the demo catalogue, its heritage entries and
gift combos, deterministically."""

import random
from datetime import date
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select

from storefront.catalog.certification import listed_products
from storefront.catalog.models import Category, OcopCertificate, Product, ProductImage
from storefront.catalog.search import index_product
from storefront.checkout.shipping_table import install_shipping_table
from storefront.clock import today_in_vietnam
from storefront.demo import texts
from storefront.demo.catalogue_data import CATEGORIES, MOTIFS
from storefront.demo.certificates import Decisions, certificate_row
from storefront.demo.combos_seed import seed_combos
from storefront.demo.openings import opening_movements
from storefront.demo.pictures import draw_emblem, draw_picture, save_webp
from storefront.demo.plan import (
    ProductSpec,
    Rating,
    demo_products,
    moment_before,
    product_values,
    rate,
    rng_for,
)
from storefront.demo.producers_data import HAMLETS, PROVINCE_CODE, STREETS, ProducerSpec
from storefront.demo.synthetic import add_synthetic_products
from storefront.extensions import db
from storefront.producers.models import Producer, ProducerKind, ProducerStatus

STAR_WORDS = {5: "five-star", 4: "four-star", 3: "three-star"}


def seed_demo(*, extra_products: int = 0) -> str:
    """Seed an empty database with the demo catalogue (and its heritage entries, packaging
    and combos), then add `extra_products` synthetic products; returns a one-line summary.

    A database that already has products is left alone unless extra products are asked for.
    """
    today = today_in_vietnam()
    upload_dir = Path(current_app.config["UPLOAD_DIR"])
    empty = db.session.scalar(select(Product.id).limit(1)) is None
    if not empty and not extra_products:
        return "The database already has products: nothing seeded."
    if empty:
        seed_catalogue(today=today, upload_dir=upload_dir)
        seed_combos(today=today, upload_dir=upload_dir)
    if extra_products:
        add_synthetic_products(extra_products, today=today, upload_dir=upload_dir)
    install_shipping_table()
    db.session.commit()
    if empty:
        return f"Seeded {_census(today)}"
    return f"Added {extra_products} products: the store has {_census(today)}"


def _census(today: date) -> str:
    """ "82 producers, 187 products (175 certified: 68 four-star, 107 three-star)"."""
    producers = db.session.scalar(select(func.count(Producer.id)))
    products = db.session.scalar(select(func.count(Product.id)))
    by_stars = dict(
        db.session.execute(
            listed_products(today)
            .with_only_columns(OcopCertificate.stars, func.count())
            .group_by(OcopCertificate.stars)
        ).all()
    )
    stars = ", ".join(f"{by_stars[s]} {STAR_WORDS[s]}" for s in sorted(by_stars, reverse=True))
    listed = sum(by_stars.values())
    return f"{producers} producers, {products} products ({listed} certified: {stars})"


def seed_catalogue(*, today: date, upload_dir: Path) -> None:
    """Add the demo's categories, producers and products with their pictures; flushes."""
    categories = _add_categories()
    specs = demo_products()
    made_by: dict[ProducerSpec, list[ProductSpec]] = {}
    for spec in specs:
        made_by.setdefault(spec.producer, []).append(spec)
    producers = {
        producer: _add_producer(producer, made, variant=index, today=today, upload_dir=upload_dir)
        for index, (producer, made) in enumerate(made_by.items())
    }
    decisions = Decisions.for_today(today)
    products = []
    for index, (spec, rating) in enumerate(zip(specs, rate(specs), strict=True)):
        product = _product(
            spec,
            rating,
            producer=producers[spec.producer],
            category=categories[spec.category],
            decisions=decisions,
            today=today,
        )
        path = f"products/{spec.slug}.webp"
        picture = draw_picture(MOTIFS[spec.category], variant=index)
        width, height = save_webp(picture, upload_dir / path)
        product.images = [ProductImage(path=path, width=width, height=height, alt=spec.name)]
        db.session.add(product)
        index_product(product)
        products.append(product)
    db.session.flush()
    db.session.add_all(opening_movements(products))
    db.session.flush()


def _add_categories() -> dict[str, Category]:
    """The two-level tree, each level ordered as listed."""
    categories: dict[str, Category] = {}
    positions: dict[str | None, int] = {}
    for spec in CATEGORIES:
        positions[spec.parent] = positions.get(spec.parent, -1) + 1
        categories[spec.slug] = Category(
            slug=spec.slug,
            name=spec.name,
            name_en=spec.name_en,
            parent=categories[spec.parent] if spec.parent else None,
            position=positions[spec.parent],
        )
    db.session.add_all(categories.values())
    return categories


def _add_producer(
    spec: ProducerSpec, made: list[ProductSpec], *, variant: int, today: date, upload_dir: Path
) -> Producer:
    """An approved producer with its address, phone, story and emblem."""
    rng = rng_for("producer", spec.slug)
    producer = Producer(
        name=spec.name,
        slug=spec.slug,
        kind=spec.kind,
        province_code=PROVINCE_CODE,
        ward_code=spec.ward_code,
        phone=_phone(spec.kind, rng),
        status=ProducerStatus.APPROVED,
        created_at=moment_before(today, rng, days=(250, 700)),
        logo=f"producers/{spec.slug}.webp",
    )
    ward = producer.ward.name
    producer.address = _address(ward, rng)
    producer.story = texts.producer_story(
        name=spec.name,
        kind=spec.kind.value,
        brand=spec.brand,
        ward=texts.noun(ward),
        makes=[product.kind_name for product in made],
        rng=rng,
    )
    save_webp(draw_emblem(MOTIFS[made[0].category], variant=variant), upload_dir / producer.logo)
    db.session.add(producer)
    return producer


def _address(ward: str, rng: random.Random) -> str:
    """A street address in a town ward, a hamlet in a rural one."""
    if ward.startswith("Phường"):
        street = f"Số {rng.randint(2, 240)} đường {rng.choice(STREETS)}"
        return f"{street}, khu vực {rng.randint(1, 7)}, {ward}, Thành phố Cần Thơ"
    return f"Ấp {rng.choice(HAMLETS)}, {ward}, Thành phố Cần Thơ"


def _phone(kind: ProducerKind, rng: random.Random) -> str:
    """An office line in the 0293 area for firms (and some cooperatives), else a mobile."""
    if kind is ProducerKind.ENTERPRISE or (kind is ProducerKind.COOPERATIVE and rng.random() < 0.5):
        return f"0293 3{rng.randint(700, 899)} {rng.randint(0, 999):03}"
    digits = f"{rng.choice('0134678')}{rng.randint(0, 9)}"
    return f"09{digits} {rng.randint(0, 999):03} {rng.randint(0, 999):03}"


def _product(
    spec: ProductSpec,
    rating: Rating,
    *,
    producer: Producer,
    category: Category,
    decisions: Decisions,
    today: date,
) -> Product:
    """The product with its certificates: the current one, an older 3-star one if it was
    upgraded, and a pending central 5-star one if it is a candidate."""
    rng = rng_for("product", spec.slug)
    decision = rng.choice(decisions.of_2020 if rating.expired else decisions.recent)
    values = product_values(
        spec,
        rng=rng,
        today=today,
        producer=producer,
        certified_in=decision.issued_on.year,
        sold_out=rating.sold_out,
    )
    product = Product(producer=producer, category=category, **values)
    rows = [certificate_row(decision, stars=rating.stars, created_at=product.created_at)]
    if rating.upgraded:
        earlier = rng.choice(decisions.of_2020)
        rows.append(certificate_row(earlier, stars=3, created_at=product.created_at))
    if rating.five_star_candidate:
        rows.append(
            certificate_row(decisions.central, stars=5, created_at=product.created_at, central=True)
        )
    product.certificates = [OcopCertificate(**row) for row in rows]
    return product
