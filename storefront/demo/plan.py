"""What the demo catalogue holds, decided before anything is written: products and ratings.

Mirrors Hậu Giang's OCOP programme at the end of 2022: 175 certified products (68 of them
4-star, 107 3-star), 12 more whose 2020 certificates expired, 7 candidates for 5 stars.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from storefront.catalog.models import ProductStatus
from storefront.demo import texts
from storefront.demo.catalogue_data import LINES, Line
from storefront.demo.producers_data import PRODUCERS, ProducerSpec
from storefront.producers.models import Producer, ProducerKind
from storefront.text import slugify

SEED = "ocop-hau-giang-2022"
RICE = "Gạo sạch Vị Thủy"  # one of the province's 7 candidates for 5 stars in 2023
FOUR_STAR = 68
EXPIRED = 12
FIVE_STAR_CANDIDATES = 7
UPGRADED = 2  # 4-star products that held 3 stars before
SOLD_OUT = 6
# Enterprises and cooperatives more often reach 4 stars than household businesses.
_KIND_BONUS = {ProducerKind.ENTERPRISE: 0.4, ProducerKind.COOPERATIVE: 0.25}


@dataclass(frozen=True)
class ProductSpec:
    line: Line
    category: str  # slug
    producer: ProducerSpec
    name: str
    name_en: str | None
    slug: str

    @property
    def kind_name(self) -> str:
        """The line's name without a brand: "Khóm sấy dẻo"."""
        return self.line.name.replace(" {brand}", "")


@dataclass(frozen=True)
class Rating:
    stars: int  # of the current (or, when expired, the only) certificate
    expired: bool = False
    five_star_candidate: bool = False
    upgraded: bool = False
    sold_out: bool = False


def rng_for(*keys: object) -> random.Random:
    """A generator of its own for each thing seeded, so values do not depend on order."""
    return random.Random(":".join(map(str, (SEED, *keys))))


def demo_products() -> list[ProductSpec]:
    """Every producer's lines, named with its brand, in a fixed order."""
    lines = {line.key: (category, line) for category, rows in LINES.items() for line in rows}
    specs = []
    for producer in PRODUCERS:
        for key in producer.lines:
            category, line = lines[key]
            name = line.name.format(brand=producer.brand)
            name_en = line.name_en.format(brand=producer.brand) if line.name_en else None
            specs.append(ProductSpec(line, category, producer, name, name_en, slugify(name)))
    return specs


def rate(specs: list[ProductSpec]) -> list[Rating]:
    """Stars and circumstances of each product, in the same order, with the counts above."""
    rng = rng_for("ratings")
    scores = [
        rng.random() + _KIND_BONUS.get(spec.producer.kind, 0) + (9 if spec.name == RICE else 0)
        for spec in specs
    ]
    others = [i for i, spec in enumerate(specs) if spec.name != RICE]
    expired = set(rng.sample(others, EXPIRED))
    valid = sorted((i for i in range(len(specs)) if i not in expired), key=lambda i: -scores[i])
    four_star = valid[:FOUR_STAR]
    three_star = valid[FOUR_STAR:]
    ratings = dict.fromkeys(expired, Rating(stars=3, expired=True))
    ratings.update(
        (i, Rating(stars=4, five_star_candidate=True)) for i in four_star[:FIVE_STAR_CANDIDATES]
    )
    ratings.update((i, Rating(stars=4)) for i in four_star[FIVE_STAR_CANDIDATES:-UPGRADED])
    ratings.update((i, Rating(stars=4, upgraded=True)) for i in four_star[-UPGRADED:])
    sold_out = set(rng.sample(three_star, SOLD_OUT))
    ratings.update((i, Rating(stars=3, sold_out=i in sold_out)) for i in three_star)
    return [ratings[i] for i in range(len(specs))]


def retail_price(line: Line, rng: random.Random) -> int:
    """Near the line's typical price, rounded as shops round: to 5.000 ₫ from 100.000 ₫."""
    typical = line.price * 1000
    step = 5000 if typical >= 100_000 else 1000
    return max(step, round(typical * rng.uniform(0.88, 1.12) / step) * step)


def moment_before(today: date, rng: random.Random, *, days: tuple[int, int]) -> datetime:
    """A naive UTC moment `days` (low, high) days before today, in Vietnam's working hours."""
    hour_in_vietnam = timedelta(minutes=rng.randint(0, 600))  # 08:00 to 18:00
    return datetime.combine(today, time(1)) + hour_in_vietnam - timedelta(days=rng.randint(*days))


def product_values(
    spec: ProductSpec,
    *,
    rng: random.Random,
    today: date,
    producer: Producer,
    certified_in: int,
    sold_out: bool = False,
) -> dict:
    """Column values of an active product of `spec` (without its producer and category)."""
    created_at = moment_before(today, rng, days=(1, 240))
    ward = producer.ward.name
    values = {
        "name": spec.name,
        "name_en": spec.name_en,
        "slug": spec.slug,
        "unit": spec.line.unit,
        "unit_en": spec.line.unit_en,
        "price_vnd": retail_price(spec.line, rng),
        "weight_grams": spec.line.grams,
        "stock": 0 if sold_out else rng.randint(20, 500),
        "description": texts.product_description(spec.line.about, spec.category, rng),
        "story": texts.product_story(
            product=spec.kind_name,
            producer=producer.name,
            ward=texts.noun(ward),
            category=spec.category,
            year=certified_in,
            rng=rng,
        ),
        "description_en": None,
        "story_en": None,
        "status": ProductStatus.ACTIVE,
        "created_at": created_at,
        "updated_at": created_at,
    }
    if spec.name_en and rng.random() < 0.5:
        values["description_en"] = texts.product_description_en(spec.category, rng)
        values["story_en"] = texts.product_story_en(
            producer=producer.name,
            ward=ward.split(" ", 1)[1],  # without "Xã"/"Phường": "Hỏa Lựu"
            category=spec.category,
            year=certified_in,
            rng=rng,
        )
    return values
