"""Synthetic products for load tests: further lots of the demo's products, inserted in bulk.

Ten thousand take a few seconds: rows go in with one executemany per table, and the
products share a few pictures per category instead of drawing one each.
"""

from datetime import date
from pathlib import Path

from sqlalchemy import func, insert, select

from storefront.catalog.certification import refresh_current_certificates
from storefront.catalog.models import Category, OcopCertificate, Product, ProductImage
from storefront.catalog.search import product_search_texts
from storefront.demo.catalogue_data import MOTIFS
from storefront.demo.certificates import certificate_row, recent_decisions
from storefront.demo.pictures import draw_picture, save_webp
from storefront.demo.plan import demo_products, product_values, rng_for
from storefront.extensions import db
from storefront.inventory.models import MovementKind, StockMovement
from storefront.producers.models import Producer

PICTURES_PER_CATEGORY = 3
FOUR_STAR_SHARE = 0.39  # as in the demo: 68 of 175
# Send NULLs rather than leave columns out, so rows with and without an English name still
# go in as one batch: the ORM splits a bulk insert wherever the columns given change.
ALL_ROWS = {"execution_options": {"render_nulls": True}}


def _shared_pictures(upload_dir: Path) -> dict[str, list[tuple[str, int, int]]]:
    """Category slug -> (path, width, height) of its shared pictures, drawn afresh."""
    pictures: dict[str, list[tuple[str, int, int]]] = {}
    for slug, motif in MOTIFS.items():
        for k in range(PICTURES_PER_CATEGORY):
            path = f"products/lots/{slug}-{k}.webp"
            width, height = save_webp(draw_picture(motif, variant=1000 + k), upload_dir / path)
            pictures.setdefault(slug, []).append((path, width, height))
    return pictures


def add_synthetic_products(count: int, *, today: date, upload_dir: Path) -> None:
    """Add `count` certified 3- or 4-star products, "<demo product> lô <n>", each by its demo
    producer; does not commit. Raises LookupError when the demo producers are missing."""
    producers = {p.slug: p for p in db.session.scalars(select(Producer))}
    categories = {c.slug: c for c in db.session.scalars(select(Category))}
    specs = [spec for spec in demo_products() if spec.producer.slug in producers]
    if not specs:
        raise LookupError("synthetic products need the demo producers: seed an empty database")
    first_lot = (db.session.scalar(select(func.max(Product.id))) or 0) + 1
    decisions = recent_decisions(today)
    pictures = _shared_pictures(upload_dir)
    products, certificates, images = [], [], []
    for i in range(count):
        spec, lot = specs[i % len(specs)], first_lot + i
        rng = rng_for("lot", lot)
        producer, category = producers[spec.producer.slug], categories[spec.category]
        decision = rng.choice(decisions)
        values = product_values(
            spec, rng=rng, today=today, producer=producer, certified_in=decision.issued_on.year
        )
        values.update(
            name=f"{spec.name} lô {lot}",
            name_en=spec.name_en and f"{spec.name_en}, lot {lot}",
            slug=f"{spec.slug}-lo-{lot}",
            producer_id=producer.id,
            category_id=category.id,
        )
        values["search_text"], values["search_folded"] = product_search_texts(
            name=values["name"], name_en=values["name_en"], producer=producer, category=category
        )
        products.append(values)
        stars = 4 if rng.random() < FOUR_STAR_SHARE else 3
        certificates.append(certificate_row(decision, stars=stars, created_at=values["created_at"]))
        path, width, height = rng.choice(pictures[spec.category])
        images.append({"path": path, "width": width, "height": height, "alt": values["name"]})
    ids = db.session.scalars(
        insert(Product).returning(Product.id, sort_by_parameter_order=True), products, **ALL_ROWS
    ).all()
    db.session.execute(
        insert(OcopCertificate),
        [{**row, "product_id": id_} for row, id_ in zip(certificates, ids, strict=True)],
        **ALL_ROWS,
    )
    refresh_current_certificates()
    db.session.execute(
        insert(StockMovement),
        [
            {
                "product_id": id_,
                "kind": MovementKind.OPENING,
                "delta": row["stock"],
                "stock_after": row["stock"],
                "reason": "",
                "created_at": row["created_at"],
            }
            for row, id_ in zip(products, ids, strict=True)
            if row["stock"]
        ],
    )
    db.session.execute(
        insert(ProductImage),
        [{**row, "product_id": id_, "position": 0} for row, id_ in zip(images, ids, strict=True)],
        **ALL_ROWS,
    )
