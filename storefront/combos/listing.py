"""The combos list: filter, search, sort and paginate available combos in fixed queries.

Every combo listed here is available (availability.available_combos); its card figures
(price, saving, lowest stars) come from availability.combo_offer, the one rule.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, exists, func, select
from sqlalchemy.orm import contains_eager, defer, selectinload
from vietnam_provinces import Province, ProvinceCode

from storefront.catalog import search
from storefront.catalog.filters import Sort
from storefront.combos.availability import (
    ComboOffer,
    available_combos,
    combo_offer,
    min_stars_sql,
    offer_loading,
    price_sql,
)
from storefront.combos.filters import ComboFilters
from storefront.combos.models import Combo, ComboOccasion, Heritage, Occasion
from storefront.extensions import db
from storefront.pagination import Page, last_page
from storefront.producers.models import Producer
from storefront.text import fold


@dataclass(frozen=True)
class Picture:
    """A stored picture, relative to the upload folder, with its size."""

    path: str
    width: int
    height: int
    alt: str = ""  # what it shows, in Vietnamese (the names it is made of)


def combo_pictures(combo: Combo) -> list[Picture]:
    """The combo's own picture, then its components' covers (as loaded by offer_loading)."""
    found: list[Picture] = []
    if combo.image_path and combo.image_width and combo.image_height:
        found.append(Picture(combo.image_path, combo.image_width, combo.image_height, combo.name))
    for component in combo.components:
        cover = component.product.cover
        if cover is not None:
            found.append(Picture(cover.path, cover.width, cover.height, component.product.name))
    return found


def card_picture(combo: Combo) -> Picture | None:
    """The picture a card shows: the combo's thumbnail, its picture, or a component's cover."""
    if combo.thumb_path and combo.thumb_width and combo.thumb_height:
        return Picture(combo.thumb_path, combo.thumb_width, combo.thumb_height, combo.name)
    pictures = combo_pictures(combo)
    return pictures[0] if pictures else None


def ordered_occasions(combo: Combo) -> list[Occasion]:
    """The combo's occasions in the order Occasion declares them (Tết first)."""
    chosen = combo.occasion_set
    return [occasion for occasion in Occasion if occasion in chosen]


@dataclass(frozen=True)
class ComboListing:
    combo: Combo
    offer: ComboOffer
    picture: Picture | None

    @property
    def product_count(self) -> int:
        """How many different products the combo holds."""
        return len(self.combo.components)

    @property
    def occasions(self) -> list[Occasion]:
        return ordered_occasions(self.combo)


def listing_for(combo: Combo, *, today: date) -> ComboListing:
    return ComboListing(combo, combo_offer(combo, today=today), card_picture(combo))


def card_loading() -> list:
    """What a combo card reads, beside the owner and heritage: fixed extra queries."""
    return [
        *offer_loading(),
        selectinload(Combo.occasions),
        defer(Combo.story),
        defer(Combo.story_en),
        defer(Combo.hidden_reason),
    ]


def from_place(province: int) -> ColumnElement[bool]:
    """The combo's heritage entry is in the province, or, having none, its owner is."""
    return func.coalesce(Heritage.province_code, Producer.province_code) == province


def for_occasion(occasion: Occasion) -> ColumnElement[bool]:
    return exists(
        select(ComboOccasion.combo_id).where(
            ComboOccasion.combo_id == Combo.id, ComboOccasion.occasion == occasion
        )
    )


def _available(today: date) -> Select[tuple[Combo]]:
    """Available combos with their owner and heritage entry joined in."""
    return (
        available_combos(today)
        .outerjoin(Heritage, Heritage.id == Combo.heritage_id)
        .options(contains_eager(Combo.heritage))
    )


def _filtered(filters: ComboFilters, today: date) -> Select[tuple[Combo]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.q:
        conditions.append(search.matches(filters.q, Combo))
    if filters.occasion is not None:
        conditions.append(for_occasion(filters.occasion))
    if filters.kind is not None:
        conditions.append(Combo.kind == filters.kind)
    if filters.price_min is not None:
        conditions.append(price_sql() >= filters.price_min)
    if filters.price_max is not None:
        conditions.append(price_sql() <= filters.price_max)
    if filters.min_stars:
        conditions.append(min_stars_sql() >= filters.min_stars)
    if filters.heritage:
        conditions.append(Heritage.slug == filters.heritage)
    if filters.province is not None:
        conditions.append(from_place(filters.province))
    return _available(today).where(*conditions)


def _order(filters: ComboFilters) -> list[ColumnElement]:
    by_sort: dict[Sort, list[ColumnElement]] = {
        Sort.NEWEST: [Combo.created_at.desc()],
        Sort.PRICE_ASC: [price_sql().asc()],
        Sort.PRICE_DESC: [price_sql().desc()],
        Sort.STARS: [min_stars_sql().desc(), Combo.name.asc()],
        Sort.NAME: [Combo.name.asc()],
        Sort.RELEVANCE: [min_stars_sql().desc(), Combo.name.asc()],
    }
    order = by_sort[filters.effective_sort]
    if filters.q:
        order = [search.relevance(filters.q, Combo), *order]
    return [*order, Combo.id.asc()]


def _cards(query: Select[tuple[Combo]], *, today: date) -> list[ComboListing]:
    combos = db.session.scalars(query.options(*card_loading())).unique().all()
    return [listing_for(combo, today=today) for combo in combos]


def list_combos(filters: ComboFilters, *, today: date) -> Page[ComboListing]:
    """One page of available combos, in a fixed number of queries (a count, the page, and
    card_loading's), whatever the page size. A page past the last is corrected to the last."""
    query = _filtered(filters, today)
    matching_ids = query.with_only_columns(Combo.id).order_by(None).subquery()
    total = db.session.scalar(select(func.count()).select_from(matching_ids)) or 0
    page = min(filters.page, last_page(total, filters.per_page))
    items = _cards(
        query.order_by(*_order(filters))
        .limit(filters.per_page)
        .offset((page - 1) * filters.per_page),
        today=today,
    )
    return Page(items=items, total=total, page=page, per_page=filters.per_page)


def search_combos(q: str, *, today: date, limit: int) -> list[ComboListing]:
    """The best `limit` available combos matching a search, without counting them all."""
    filters = ComboFilters(q=q)
    return _cards(_filtered(filters, today).order_by(*_order(filters)).limit(limit), today=today)


@dataclass(frozen=True)
class Featured:
    items: list[ComboListing]
    for_occasion: bool  # False when none was for the occasion and these are any combos


def featured_combos(occasion: Occasion, *, today: date, limit: int) -> Featured:
    """Up to `limit` available combos for the occasion, best rated first; when none is for
    it, any available combos instead. One query plus card_loading's."""
    chosen = for_occasion(occasion)
    query = (
        _available(today)
        .order_by(chosen.desc(), min_stars_sql().desc(), Combo.created_at.desc(), Combo.id)
        .limit(limit)
    )
    cards = _cards(query, today=today)
    fitting = [card for card in cards if occasion in card.combo.occasion_set]
    return Featured(fitting, True) if fitting else Featured(cards, False)


@dataclass(frozen=True)
class HeritageChoice:
    slug: str
    name: str
    name_en: str | None


@dataclass(frozen=True)
class ProvinceChoice:
    code: int
    name: str


@dataclass(frozen=True)
class ComboFacets:
    heritages: list[HeritageChoice]
    provinces: list[ProvinceChoice]


def combo_facets(today: date) -> ComboFacets:
    """The heritage entries and provinces (see from_place) that available combos come from;
    one query."""
    place = func.coalesce(Heritage.province_code, Producer.province_code)
    rows = db.session.execute(
        _available(today)
        .with_only_columns(Heritage.slug, Heritage.name, Heritage.name_en, place)
        .distinct()
    ).all()
    heritages = {
        slug: HeritageChoice(slug, name, name_en) for slug, name, name_en, _ in rows if slug
    }
    provinces = {
        code: ProvinceChoice(code, Province.from_code(ProvinceCode(code)).name) for *_, code in rows
    }
    return ComboFacets(
        heritages=sorted(heritages.values(), key=lambda h: fold(h.name)),
        provinces=sorted(provinces.values(), key=lambda p: fold(p.name)),
    )
