"""The demo's heritage entries, packaging and combos, added after its catalogue."""

from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select

from storefront.catalog.models import Product
from storefront.catalog.pricing import offer_for
from storefront.combos.models import (
    Combo,
    ComboComponent,
    ComboOccasion,
    ComboPackaging,
    Consent,
    Heritage,
    PackagingItem,
    PriceMode,
)
from storefront.combos.pictures import show_picture
from storefront.combos.search import index_combo
from storefront.demo.combos_data import COMBOS, PACKAGING, ComboSpec
from storefront.demo.hampers import ITEMS, draw_hamper
from storefront.demo.heritage_data import HERITAGE
from storefront.demo.openings import opening_movements
from storefront.demo.pictures import save_with_thumb
from storefront.demo.plan import moment_before, rng_for
from storefront.demo.producers_data import PROVINCE_CODE
from storefront.demo.scenes import draw_scene
from storefront.extensions import db
from storefront.producers.models import Producer
from storefront.text import slugify

ROUND_TO = 5000  # fixed prices are rounded down as shops round them


def _yesterday_noon(today: date) -> datetime:
    """Naive UTC noon of the day before `today` (in Vietnam): always past, and the same
    all day, so seeding stays deterministic."""
    return datetime.combine(today - timedelta(days=1), time(12))


def seed_combos(*, today: date, upload_dir: Path) -> None:
    """Add the heritage entries, the owners' packaging and the combos with their pictures;
    flushes. Needs the demo catalogue: raises LookupError when a component is missing or
    not for sale."""
    heritage = _add_heritage(today=today, upload_dir=upload_dir)
    producers = {p.slug: p for p in db.session.scalars(select(Producer))}
    wanted = {slug for spec in COMBOS for slug, _quantity in spec.parts}
    products = {
        p.slug: p for p in db.session.scalars(select(Product).where(Product.slug.in_(wanted)))
    }
    packaging = _add_packaging(producers, today=today)
    for spec in COMBOS:
        combo = _combo(
            spec,
            owner=producers[spec.owner],
            products=products,
            heritage=heritage,
            packaging=packaging,
            today=today,
        )
        db.session.add(combo)
        combo_picture(combo, upload_dir=upload_dir)
        index_combo(combo)
    db.session.flush()


def _add_heritage(*, today: date, upload_dir: Path) -> dict[str, Heritage]:
    entries = {}
    for index, spec in enumerate(HERITAGE):
        rng = rng_for("heritage", spec.key)
        stored = save_with_thumb(
            draw_scene(spec.scene, variant=index), upload_dir, f"heritage/{spec.slug}.webp"
        )
        created_at = moment_before(today, rng, days=(300, 400))
        entries[spec.key] = Heritage(
            slug=spec.slug,
            name=spec.name,
            name_en=spec.name_en,
            kind=spec.kind,
            province_code=PROVINCE_CODE,
            ward_code=spec.ward_code,
            story=spec.story,
            story_en=spec.story_en,
            created_at=created_at,
            updated_at=created_at,
        )
        show_picture(entries[spec.key], stored)
    db.session.add_all(entries.values())
    return entries


def _add_packaging(producers: dict[str, Producer], *, today: date) -> dict[str, PackagingItem]:
    items = {
        spec.key: PackagingItem(
            producer=producers[spec.owner],
            kind=spec.kind,
            name=spec.name,
            name_en=spec.name_en,
            price_vnd=spec.price * 1000,
            stock=spec.stock,
            created_at=moment_before(today, rng_for("packaging", spec.key), days=(200, 300)),
        )
        for spec in PACKAGING
    }
    db.session.add_all(items.values())
    db.session.flush()
    db.session.add_all(opening_movements(list(items.values())))
    return items


def _sellable(spec: ComboSpec, products: dict[str, Product], today: date) -> list[Product]:
    """The components' products, each certified, active and in stock."""
    chosen = []
    for slug, quantity in spec.parts:
        product = products.get(slug)
        if product is None or not offer_for(product, today=today).purchasable:
            raise LookupError(f"the demo combo {spec.name!r} needs {slug}, which is not for sale")
        if product.stock < quantity:
            raise LookupError(f"the demo combo {spec.name!r} needs more {slug} than is in stock")
        chosen.append(product)
    return chosen


def fixed_price(parts_vnd: int) -> int:
    """A little under the parts: 90 %, rounded down to 5.000 ₫ (or to 1.000 ₫ when small)."""
    step = ROUND_TO if parts_vnd >= 100_000 else 1000
    return max(step, parts_vnd * 9 // 10 // step * step)


def _combo(
    spec: ComboSpec,
    *,
    owner: Producer,
    products: dict[str, Product],
    heritage: dict[str, Heritage],
    packaging: dict[str, PackagingItem],
    today: date,
) -> Combo:
    rng = rng_for("combo", spec.name)
    chosen = _sellable(spec, products, today)
    newest = max(product.created_at for product in chosen)
    created_at = min(newest + timedelta(days=rng.randint(1, 20)), _yesterday_noon(today))
    parts = sum(
        p.price_vnd * quantity for p, (_slug, quantity) in zip(chosen, spec.parts, strict=True)
    )
    combo = Combo(
        owner=owner,
        slug=slugify(spec.name),
        name=spec.name,
        name_en=spec.name_en,
        kind=spec.kind,
        price_mode=PriceMode.PERCENT_OFF if spec.percent_off else PriceMode.FIXED,
        percent_off=spec.percent_off,
        fixed_price_vnd=None if spec.percent_off else fixed_price(parts),
        heritage=heritage[spec.heritage] if spec.heritage else None,
        story=spec.story,
        story_en=spec.story_en,
        status=spec.status,
        created_at=created_at,
        updated_at=created_at,
    )
    for position, (product, (slug, quantity)) in enumerate(zip(chosen, spec.parts, strict=True)):
        combo.components.append(
            _component(
                product,
                quantity,
                position,
                own=product.producer is owner,
                pending=slug in spec.pending,
                asked_at=created_at,
                today=today,
            )
        )
    combo.packaging = [
        ComboPackaging(item=packaging[key], position=position)
        for position, key in enumerate(spec.packaging)
    ]
    combo.occasions = [ComboOccasion(occasion=occasion) for occasion in spec.occasions]
    return combo


def _component(
    product: Product,
    quantity: int,
    position: int,
    *,
    own: bool,
    pending: bool,
    asked_at: datetime,
    today: date,
) -> ComboComponent:
    """A partner's product was accepted a few hours to three days after it was asked for
    (the demo has no users, so who answered is not recorded); `pending` ones await it."""
    component = ComboComponent(
        product=product,
        producer=product.producer,
        quantity=quantity,
        position=position,
        consent=Consent.PENDING if pending else Consent.ACCEPTED,
    )
    if not own and not pending:
        rng = rng_for("consent", product.slug, asked_at.isoformat())
        component.consent_at = min(
            asked_at + timedelta(hours=rng.randint(3, 72)),
            _yesterday_noon(today) + timedelta(hours=1),
        )
    return component


def combo_picture(combo: Combo, *, upload_dir: Path) -> None:
    """Draw the combo's goods in its box or basket and store the picture with its thumbnail."""
    items = [ITEMS[component.product.category.slug] for component in combo.components]
    picture = draw_hamper(combo.kind, items, seed=combo.slug)
    stored = save_with_thumb(picture, upload_dir, f"combos/{combo.slug}.webp")
    show_picture(combo, stored)
