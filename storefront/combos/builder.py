"""The combo builder: what a draft combo would cost and how many could be made (preview),
and saving it (save_combo) once it passes every check.

Figures come from combos.availability's combo_offer, asked of an unsaved copy of the combo
as if it were published with every consent given: the same rule the shop applies.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from storefront.accounts.models import User
from storefront.catalog.models import Product
from storefront.catalog.pricing import Unavailable
from storefront.combos.availability import ComboOffer, ComponentStanding, combo_offer
from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.mails import combo_words
from storefront.combos.models import (
    MAX_PERCENT_OFF,
    MAX_QUANTITY,
    MIN_QUANTITY,
    Combo,
    ComboComponent,
    ComboKind,
    ComboOccasion,
    ComboPackaging,
    ComboStatus,
    Consent,
    Heritage,
    Occasion,
    PackagingItem,
    PriceMode,
)
from storefront.combos.pictures import Picture, commit_with_picture, store
from storefront.combos.pricing import Saving
from storefront.combos.search import index_combo
from storefront.extensions import db
from storefront.producers.members import mail_members
from storefront.producers.models import Producer
from storefront.slugs import unique_slug

MAX_COMPONENTS = 12
PICTURE_FOLDER = "combos"

Code = ComboErrorCode


@dataclass
class ComboDraft:
    """What the builder's form says about a combo; nothing of it is trusted yet."""

    name: str
    kind: ComboKind
    price_mode: PriceMode
    name_en: str | None = None
    fixed_price_vnd: int | None = None
    percent_off: int | None = None
    heritage_id: int | None = None
    story: str = ""
    story_en: str | None = None
    occasions: list[Occasion] = field(default_factory=list)
    components: list[tuple[int, int]] = field(default_factory=list)  # (product id, quantity)
    packaging_item_ids: list[int] = field(default_factory=list)  # the first is the default

    @classmethod
    def of(cls, combo: Combo) -> "ComboDraft":
        """The draft a saved combo would be written from."""
        return cls(
            name=combo.name,
            name_en=combo.name_en,
            kind=combo.kind,
            price_mode=combo.price_mode,
            fixed_price_vnd=combo.fixed_price_vnd,
            percent_off=combo.percent_off,
            heritage_id=combo.heritage_id,
            story=combo.story,
            story_en=combo.story_en,
            occasions=sorted(combo.occasion_set),
            components=[(c.product_id, c.quantity) for c in combo.components],
            packaging_item_ids=[p.packaging_item_id for p in combo.packaging],
        )

    def parts(self) -> list[tuple[int, int]]:
        """The components in order, a product named twice counted once with both quantities."""
        merged: dict[int, int] = {}
        for product_id, quantity in self.components:
            merged[product_id] = merged.get(product_id, 0) + quantity
        return list(merged.items())

    def packaging_ids(self) -> list[int]:
        return list(dict.fromkeys(self.packaging_item_ids))


@dataclass(frozen=True)
class PreviewLine:
    product_id: int
    quantity: int
    product: Product | None  # None when no such product exists
    line_vnd: int  # quantity x the product's retail price (0 for a row that counts for nothing)


@dataclass(frozen=True)
class Preview(Saving):
    parts_vnd: int
    price_vnd: int
    min_stars: int | None
    makes: int  # combos current stock can make, once published and every partner agrees
    lines: list[PreviewLine]
    partners: list[Producer]  # producers whose consent the combo needs
    problems: list[ComboError]


# --- Reading what the draft names ----------------------------------------------------------


@dataclass(frozen=True)
class _Named:
    products: dict[int, Product]
    items: dict[int, PackagingItem]  # the owner's active packaging among those named
    heritage: Heritage | None
    heritage_known: bool


def _read(draft: ComboDraft, owner: Producer) -> _Named:
    """The products, packaging and heritage the draft names: three queries at most."""
    ids = [product_id for product_id, _quantity in draft.parts()]
    products: dict[int, Product] = {}
    if ids:
        products = {
            p.id: p
            for p in db.session.scalars(
                select(Product)
                .where(Product.id.in_(ids))
                .options(
                    joinedload(Product.producer),
                    joinedload(Product.current_certificate),
                    joinedload(Product.cover),
                )
            ).unique()
        }
    items: dict[int, PackagingItem] = {}
    if draft.packaging_ids():
        items = {
            item.id: item
            for item in db.session.scalars(
                select(PackagingItem).where(
                    PackagingItem.id.in_(draft.packaging_ids()),
                    PackagingItem.producer_id == owner.id,
                    PackagingItem.active,
                )
            )
        }
    heritage = db.session.get(Heritage, draft.heritage_id) if draft.heritage_id else None
    return _Named(products, items, heritage, draft.heritage_id is None or heritage is not None)


def _offer_as_published(
    owner: Producer,
    *,
    price_mode: PriceMode,
    fixed_price_vnd: int | None,
    percent_off: int | None,
    parts: list[tuple[Product, int]],
    items: list[PackagingItem],
    today: date,
) -> ComboOffer:
    """combo_offer of an unsaved copy of a combo, published, every partner consenting.

    The copy is never added to the session.
    """
    copy = Combo(
        owner=owner,
        status=ComboStatus.PUBLISHED,
        price_mode=price_mode,
        fixed_price_vnd=fixed_price_vnd,
        percent_off=percent_off,
    )
    for position, (product, quantity) in enumerate(parts):
        copy.components.append(
            ComboComponent(
                product=product,
                producer=product.producer,
                quantity=quantity,
                position=position,
                consent=Consent.ACCEPTED,
            )
        )
    for position, item in enumerate(items):
        copy.packaging.append(ComboPackaging(item=item, position=position))
    return combo_offer(copy, today=today)


def _draft_offer(draft: ComboDraft, owner: Producer, named: _Named, today: date) -> ComboOffer:
    """The draft's offer once published; rows that name no product or a quantity below 1
    count for nothing."""
    return _offer_as_published(
        owner,
        price_mode=draft.price_mode,
        fixed_price_vnd=_valid_fixed_price(draft),
        percent_off=_valid_percent(draft),
        parts=[
            (named.products[product_id], quantity)
            for product_id, quantity in draft.parts()
            if product_id in named.products and quantity >= MIN_QUANTITY
        ],
        items=[named.items[i] for i in draft.packaging_ids() if i in named.items],
        today=today,
    )


def stock_as_published(combo: Combo, *, today: date) -> int:
    """How many of this saved combo current stock could make once it is on sale and every
    partner agrees; reads only what availability.offer_loading loads."""
    return _offer_as_published(
        combo.owner,
        price_mode=combo.price_mode,
        fixed_price_vnd=combo.fixed_price_vnd,
        percent_off=combo.percent_off,
        parts=[(c.product, c.quantity) for c in combo.components],
        items=[choice.item for choice in combo.packaging],
        today=today,
    ).stock


def _valid_fixed_price(draft: ComboDraft) -> int | None:
    price = draft.fixed_price_vnd
    return price if draft.price_mode is PriceMode.FIXED and price and price > 0 else None


def _valid_percent(draft: ComboDraft) -> int | None:
    if draft.price_mode is not PriceMode.PERCENT_OFF or draft.percent_off is None:
        return None
    return draft.percent_off if 1 <= draft.percent_off <= MAX_PERCENT_OFF else None


# --- The checks ------------------------------------------------------------------------------


def _component_problem(
    product: Product | None, quantity: int, standing: ComponentStanding | None
) -> Code | None:
    if product is None:
        return Code.UNKNOWN_PRODUCT
    if not MIN_QUANTITY <= quantity <= MAX_QUANTITY or standing is None:
        return Code.QUANTITY_OUT_OF_RANGE  # the draft's offer leaves such rows out
    unavailable = standing.offer.unavailable
    if unavailable is Unavailable.NO_LONGER_SOLD:
        return Code.COMPONENT_NOT_SOLD
    if unavailable in (Unavailable.NOT_CERTIFIED, Unavailable.CERTIFICATE_EXPIRED):
        return Code.COMPONENT_NOT_CERTIFIED
    return None  # out of stock is no reason to refuse: the combo is simply sold out


def _price_problem(draft: ComboDraft, parts_vnd: int) -> Code | None:
    if draft.price_mode is PriceMode.FIXED:
        if draft.fixed_price_vnd is None:
            return Code.PRICE_REQUIRED
        if draft.fixed_price_vnd <= 0:
            return Code.PRICE_ZERO
        if parts_vnd and draft.fixed_price_vnd > parts_vnd:
            return Code.PRICE_ABOVE_PARTS
        return None
    if draft.percent_off is None:
        return Code.PRICE_REQUIRED
    if not 1 <= draft.percent_off <= MAX_PERCENT_OFF:
        return Code.PERCENT_OUT_OF_RANGE
    return None


def _standings(offer: ComboOffer) -> dict[int, ComponentStanding]:
    """The offer's components by product id (its copy's components have no product_id yet)."""
    return {standing.component.product.id: standing for standing in offer.components}


def _problems(
    draft: ComboDraft, named: _Named, offer: ComboOffer, standings: dict[int, ComponentStanding]
) -> list[ComboError]:
    problems: list[ComboError] = []
    if not draft.name.strip():
        problems.append(ComboError(Code.NAME_REQUIRED))
    parts = draft.parts()
    if not parts:
        problems.append(ComboError(Code.EMPTY))
    if len(parts) > MAX_COMPONENTS:
        problems.append(ComboError(Code.TOO_MANY_COMPONENTS))
    for product_id, quantity in parts:
        code = _component_problem(
            named.products.get(product_id), quantity, standings.get(product_id)
        )
        if code is not None:
            problems.append(ComboError(code, product_id=product_id))
    price_code = _price_problem(draft, offer.parts_vnd)
    if price_code is not None:
        problems.append(ComboError(price_code))
    if any(item_id not in named.items for item_id in draft.packaging_ids()):
        problems.append(ComboError(Code.UNKNOWN_PACKAGING))
    if not named.heritage_known:
        problems.append(ComboError(Code.UNKNOWN_HERITAGE))
    return problems


def _partners(named: _Named, owner: Producer) -> list[Producer]:
    partners = {p.producer_id: p.producer for p in named.products.values()}
    partners.pop(owner.id, None)
    return sorted(partners.values(), key=lambda producer: producer.name)


def _preview(draft: ComboDraft, named: _Named, owner: Producer, today: date) -> Preview:
    offer = _draft_offer(draft, owner, named, today)
    standings = _standings(offer)
    lines = [
        PreviewLine(
            product_id,
            quantity,
            named.products.get(product_id),
            standings[product_id].offer.price_vnd * quantity if product_id in standings else 0,
        )
        for product_id, quantity in draft.parts()
    ]
    return Preview(
        parts_vnd=offer.parts_vnd,
        price_vnd=offer.price_vnd,
        min_stars=offer.min_stars,
        makes=offer.stock,
        lines=lines,
        partners=_partners(named, owner),
        problems=_problems(draft, named, offer, standings),
    )


def preview(draft: ComboDraft, *, owner: Producer, today: date) -> Preview:
    """The builder's summary of the draft and what keeps it from being saved; changes nothing."""
    return _preview(draft, _read(draft, owner), owner, today)


# --- Saving ----------------------------------------------------------------------------------


def _optional(text: str | None) -> str | None:
    return text.strip() or None if text else None


def _apply_components(
    combo: Combo, draft: ComboDraft, named: _Named, owner: Producer
) -> dict[int, list[ComboComponent]]:
    """Set the components in the draft's order; each producer's new pending ones, by id."""
    existing = {component.product_id: component for component in combo.components}
    invited: dict[int, list[ComboComponent]] = {}
    components = []
    for position, (product_id, quantity) in enumerate(draft.parts()):
        component = existing.get(product_id)
        if component is None:
            product = named.products[product_id]
            own = product.producer_id == owner.id
            component = ComboComponent(
                product=product,
                producer=product.producer,
                consent=Consent.ACCEPTED if own else Consent.PENDING,
            )
            if not own:
                invited.setdefault(product.producer_id, []).append(component)
        component.quantity = quantity
        component.position = position
        components.append(component)
    combo.components = components
    return invited


def _apply_choices(combo: Combo, draft: ComboDraft, named: _Named) -> None:
    """Occasions and packaging, keeping the rows that stay (their keys are primary keys)."""
    wanted = set(draft.occasions)
    kept = [o for o in combo.occasions if o.occasion in wanted]
    have = {o.occasion for o in kept}
    combo.occasions = kept + [ComboOccasion(occasion=o) for o in sorted(wanted - have)]
    current = {choice.packaging_item_id: choice for choice in combo.packaging}
    choices = []
    for position, item_id in enumerate(draft.packaging_ids()):
        choice = current.get(item_id) or ComboPackaging(item=named.items[item_id])
        choice.position = position
        choices.append(choice)
    combo.packaging = choices


def _invite(combo: Combo, invited: dict[int, list[ComboComponent]]) -> None:
    """One mail to each member of each producer asked to join the combo."""
    for producer_id, components in invited.items():
        mail_members(
            producer_id,
            template="combo_invitation",
            localized=combo_words(combo, components),
            owner_name=combo.owner.name,
        )


def save_combo(
    combo: Combo | None,
    draft: ComboDraft,
    *,
    owner: Producer,
    actor: User,
    image: Picture | None = None,
    today: date,
) -> Combo:
    """Create (combo None) or rewrite the owner's combo from the draft, and commit.

    The owner's own products need no consent; another producer's new product waits for its
    producer's, who is invited by mail; a product that stays keeps the answer it had.
    Raises ComboError (the first problem preview() reports) or catalog's UploadRefused for
    the picture; then nothing is changed or stored.
    """
    named = _read(draft, owner)
    problems = _preview(draft, named, owner, today).problems
    if problems:
        raise problems[0]
    stored = store(image, folder=PICTURE_FOLDER)
    if combo is None:
        combo = Combo(
            owner=owner,
            slug=unique_slug(Combo.slug, draft.name, fallback="combo"),
            status=ComboStatus.DRAFT,
        )
        db.session.add(combo)
    combo.name = draft.name.strip()
    combo.name_en = _optional(draft.name_en)
    combo.kind = draft.kind
    combo.price_mode = draft.price_mode
    combo.fixed_price_vnd = _valid_fixed_price(draft)
    combo.percent_off = _valid_percent(draft)
    combo.heritage = named.heritage
    combo.story = (draft.story or "").strip()
    combo.story_en = _optional(draft.story_en)
    invited = _apply_components(combo, draft, named, owner)
    _apply_choices(combo, draft, named)
    index_combo(combo)
    _invite(combo, invited)
    commit_with_picture(combo, image, stored)
    return combo
