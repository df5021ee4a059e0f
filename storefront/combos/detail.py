"""A combo's own page and a heritage entry's page: what to load and what to show beside it."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from storefront.combos.availability import ComboOffer, combo_offer, offer_loading
from storefront.combos.listing import Picture, combo_pictures, ordered_occasions
from storefront.combos.models import Combo, ComboStatus, Heritage, Occasion
from storefront.extensions import db
from storefront.producers.models import Producer, ProducerStatus

FEW_LEFT = 10  # at or below this many, the page says how many are left


def find_public_combo(slug: str) -> Combo | None:
    """A published combo of an approved producer, loaded for combo_offer and its page, in
    four queries. It may be unavailable (a component expired, sold out...): its page then
    says why and offers nothing to buy. Drafts and hidden combos are not found."""
    return db.session.scalar(
        select(Combo)
        .join(Combo.owner)
        .where(
            Combo.slug == slug,
            Combo.status == ComboStatus.PUBLISHED,
            Producer.status == ProducerStatus.APPROVED,
        )
        .options(
            contains_eager(Combo.owner),
            joinedload(Combo.heritage),
            selectinload(Combo.occasions),
            *offer_loading(),
        )
    )


@dataclass(frozen=True)
class PackagingChoice:
    id: int
    name: str
    name_en: str | None
    price_vnd: int
    in_stock: bool


@dataclass(frozen=True)
class ComboPage:
    combo: Combo
    offer: ComboOffer
    pictures: list[Picture]

    @property
    def few_left(self) -> int | None:
        """How many are left, when few enough to say so; else None."""
        return self.offer.stock if 0 < self.offer.stock <= FEW_LEFT else None

    @property
    def packaging(self) -> list[PackagingChoice]:
        """The packaging a shopper may choose, the default first."""
        return [
            PackagingChoice(
                o.item.id,
                o.item.name,
                o.item.name_en,
                o.item.price_vnd,
                self.offer.stock_with(o.item.id) > 0,
            )
            for o in self.offer.packaging
        ]

    @property
    def occasions(self) -> list[Occasion]:
        return ordered_occasions(self.combo)

    @property
    def item_count(self) -> int:
        return sum(component.quantity for component in self.combo.components)


def combo_page(combo: Combo, *, today: date) -> ComboPage:
    return ComboPage(combo, combo_offer(combo, today=today), combo_pictures(combo))


def find_heritage(slug: str) -> Heritage | None:
    return db.session.scalar(select(Heritage).where(Heritage.slug == slug))


@dataclass(frozen=True)
class CardSide:
    """One language's half of a combo's printable story card."""

    lang: str
    name: str
    story: str  # Markdown; may be empty
    heritage_name: str | None
    heritage_story: str | None  # Markdown
    items: list[tuple[int, str]]  # (quantity, product name)


def story_card_sides(combo: Combo) -> list[CardSide]:
    """The Vietnamese half, and the English half when the combo or its heritage entry has an
    English story (English names fall back to the Vietnamese ones)."""
    heritage = combo.heritage
    sides = [
        CardSide(
            lang="vi",
            name=combo.name,
            story=combo.story,
            heritage_name=heritage.name if heritage else None,
            heritage_story=heritage.story if heritage else None,
            items=[(c.quantity, c.product.name) for c in combo.components],
        )
    ]
    heritage_en = heritage.story_en if heritage else None
    if combo.story_en or heritage_en:
        sides.append(
            CardSide(
                lang="en",
                name=combo.name_en or combo.name,
                story=combo.story_en or "",
                heritage_name=(heritage.name_en or heritage.name) if heritage_en else None,
                heritage_story=heritage_en,
                items=[(c.quantity, c.product.name_en or c.product.name) for c in combo.components],
            )
        )
    return sides
