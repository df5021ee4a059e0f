"""Whether a combo can be bought, at what price, and how many: one rule, asked by every page,
the API and (later) the cart, in Python for one combo and in SQL for lists.

A combo is available while it is published, its owner and every component's producer are
approved, every component is certified and active with its producer's consent, and stock
suffices. Its stock is derived, never stored: the minimum over its components of
floor(stock / quantity), and, when it offers packaging, no more than the best-stocked
packaging allows.
"""

import enum
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, exists, func, not_, or_, select
from sqlalchemy.orm import aliased, contains_eager, joinedload, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from storefront.catalog.models import OcopCertificate, Product, ProductStatus
from storefront.catalog.pricing import Offer, Unavailable, offer_for
from storefront.combos.models import (
    Combo,
    ComboComponent,
    ComboPackaging,
    ComboStatus,
    Consent,
    PackagingItem,
)
from storefront.combos.pricing import Saving, combo_price, combo_price_sql
from storefront.producers.models import Producer, ProducerStatus


class ComboUnavailable(enum.StrEnum):
    """Why a combo cannot be bought; the values are the codes the API reports."""

    NOT_PUBLISHED = "not_published"
    NO_LONGER_SOLD = "no_longer_sold"  # its owner is no longer approved
    EMPTY = "empty"
    COMPONENT_UNAVAILABLE = "component_unavailable"  # see the components' problems
    SOLD_OUT = "sold_out"


class ComponentProblem(enum.StrEnum):
    """Why a component keeps its combo from being sold."""

    AWAITING_CONSENT = "awaiting_consent"
    CONSENT_DECLINED = "consent_declined"
    NOT_CERTIFIED = "not_certified"
    CERTIFICATE_EXPIRED = "certificate_expired"
    NO_LONGER_SOLD = "no_longer_sold"
    NOT_ENOUGH_STOCK = "not_enough_stock"


_PRODUCT_PROBLEMS = {
    Unavailable.NOT_CERTIFIED: ComponentProblem.NOT_CERTIFIED,
    Unavailable.CERTIFICATE_EXPIRED: ComponentProblem.CERTIFICATE_EXPIRED,
    Unavailable.NO_LONGER_SOLD: ComponentProblem.NO_LONGER_SOLD,
}


@dataclass(frozen=True)
class ComponentStanding:
    component: ComboComponent
    offer: Offer  # the product's own, from catalog.pricing
    problem: ComponentProblem | None
    makes: int  # combos its stock is enough for (0 when it has a problem)


@dataclass(frozen=True)
class PackagingOption:
    item: PackagingItem
    makes: int  # combos it can pack: its stock, or 0 when withdrawn


@dataclass(frozen=True)
class ComboOffer(Saving):
    price_vnd: int
    parts_vnd: int  # what the components cost bought separately
    min_stars: int | None  # the lowest star level among the components
    stock: int  # combos that can be sold now (0 when unavailable)
    unavailable: ComboUnavailable | None
    components: list[ComponentStanding]
    packaging: list[PackagingOption]

    @property
    def purchasable(self) -> bool:
        return self.unavailable is None

    @property
    def blockers(self) -> list[ComponentStanding]:
        """The components that keep the combo from being sold."""
        return [standing for standing in self.components if standing.problem is not None]

    def stock_with(self, item_id: int) -> int:
        """Combos that can be sold packed in this packaging (0 when it is not offered)."""
        for option in self.packaging:
            if option.item.id == item_id:
                return min(self.stock, option.makes)
        return 0


def _standing(component: ComboComponent, today: date) -> ComponentStanding:
    offer = offer_for(component.product, today=today)
    problem: ComponentProblem | None = None
    if component.consent is Consent.PENDING:
        problem = ComponentProblem.AWAITING_CONSENT
    elif component.consent is Consent.DECLINED:
        problem = ComponentProblem.CONSENT_DECLINED
    elif offer.unavailable in _PRODUCT_PROBLEMS:
        problem = _PRODUCT_PROBLEMS[offer.unavailable]
    elif component.product.stock < component.quantity:
        problem = ComponentProblem.NOT_ENOUGH_STOCK
    makes = 0 if problem else component.product.stock // component.quantity
    return ComponentStanding(component, offer, problem, makes)


def combo_offer(combo: Combo, *, today: date) -> ComboOffer:
    """What a shopper is offered for this combo today, and if nothing, why.

    Reads the combo's components (with their products, producers and current
    certificates), its packaging and its owner: load them with `offer_loading()`.
    """
    standings = [_standing(component, today) for component in combo.components]
    options = [
        PackagingOption(choice.item, choice.item.stock if choice.item.active else 0)
        for choice in combo.packaging
    ]
    parts = sum(s.offer.price_vnd * s.component.quantity for s in standings)
    stars = [s.offer.certificate.stars for s in standings if s.offer.certificate is not None]
    stock = min((s.makes for s in standings), default=0)
    if options:
        stock = min(stock, max(option.makes for option in options))
    reason: ComboUnavailable | None = None
    if combo.status is not ComboStatus.PUBLISHED:
        reason = ComboUnavailable.NOT_PUBLISHED
    elif combo.owner.status is not ProducerStatus.APPROVED:
        reason = ComboUnavailable.NO_LONGER_SOLD
    elif not standings:
        reason = ComboUnavailable.EMPTY
    elif any(s.problem not in (None, ComponentProblem.NOT_ENOUGH_STOCK) for s in standings):
        reason = ComboUnavailable.COMPONENT_UNAVAILABLE
    elif stock <= 0:
        reason = ComboUnavailable.SOLD_OUT
    return ComboOffer(
        price_vnd=combo_price(
            parts_vnd=parts,
            mode=combo.price_mode,
            fixed_price_vnd=combo.fixed_price_vnd,
            percent=combo.percent_off,
        ),
        parts_vnd=parts,
        min_stars=min(stars, default=None),
        stock=0 if reason else stock,
        unavailable=reason,
        components=standings,
        packaging=options,
    )


def offer_loading() -> list[LoaderOption]:
    """Loader options for what combo_offer reads (beside the owner), in two more queries
    whatever the number of combos: the components with their products, and the packaging."""
    return [
        selectinload(Combo.components).options(
            joinedload(ComboComponent.producer),
            joinedload(ComboComponent.product).options(
                joinedload(Product.producer),
                joinedload(Product.current_certificate),
                joinedload(Product.cover),
            ),
        ),
        selectinload(Combo.packaging).joinedload(ComboPackaging.item),
    ]


# --- The same rule in SQL, for lists -------------------------------------------------------


def parts_sql() -> ColumnElement[int]:
    """The sum of a combo's parts at their retail prices, correlated to Combo."""
    component = aliased(ComboComponent)
    return (
        select(func.coalesce(func.sum(Product.price_vnd * component.quantity), 0))
        .select_from(component)
        .join(Product, Product.id == component.product_id)
        .where(component.combo_id == Combo.id)
        .correlate(Combo)
        .scalar_subquery()
    )


def price_sql() -> ColumnElement[int]:
    """combo_price of each combo row, as SQL."""
    return combo_price_sql(parts_sql())


def min_stars_sql() -> ColumnElement[int]:
    """The lowest star level among a combo's components' current certificates."""
    component = aliased(ComboComponent)
    return (
        select(func.min(OcopCertificate.stars))
        .select_from(component)
        .join(Product, Product.id == component.product_id)
        .join(OcopCertificate, OcopCertificate.id == Product.current_certificate_id)
        .where(component.combo_id == Combo.id)
        .correlate(Combo)
        .scalar_subquery()
    )


def _component_blocks(today: date) -> ColumnElement[bool]:
    """Some component of the combo row has a problem (ComponentProblem)."""
    component = aliased(ComboComponent)
    maker = aliased(Producer)
    sellable = (
        select(Product.id)
        .join(maker, maker.id == Product.producer_id)
        .join(OcopCertificate, OcopCertificate.id == Product.current_certificate_id)
        .where(
            Product.id == component.product_id,
            Product.status == ProductStatus.ACTIVE,
            maker.status == ProducerStatus.APPROVED,
            OcopCertificate.expires_on > today,  # on its expiry date it has expired
            Product.stock >= component.quantity,
        )
    )
    return exists(
        select(component.id)
        .where(component.combo_id == Combo.id)
        .where(or_(component.consent != Consent.ACCEPTED, not_(exists(sellable))))
        .correlate(Combo)
    )


def _packaging_allows() -> ColumnElement[bool]:
    """The combo offers no packaging, or some of it is in stock."""
    choice = aliased(ComboPackaging)
    offered = select(choice.combo_id).where(choice.combo_id == Combo.id).correlate(Combo)
    in_stock = (
        select(choice.combo_id)
        .join(PackagingItem, PackagingItem.id == choice.packaging_item_id)
        .where(choice.combo_id == Combo.id, PackagingItem.active, PackagingItem.stock > 0)
        .correlate(Combo)
    )
    return or_(not_(exists(offered)), exists(in_stock))


def available_combos(today: date) -> Select[tuple[Combo]]:
    """Combos a shopper may see in lists and buy: those whose combo_offer is purchasable.

    The owner comes loaded (contains_eager on Combo.owner).
    """
    has_components = exists(
        select(ComboComponent.id).where(ComboComponent.combo_id == Combo.id).correlate(Combo)
    )
    return (
        select(Combo)
        .join(Combo.owner)
        .where(
            Combo.status == ComboStatus.PUBLISHED,
            Producer.status == ProducerStatus.APPROVED,
            has_components,
            not_(_component_blocks(today)),
            _packaging_allows(),
        )
        .options(contains_eager(Combo.owner))
    )
