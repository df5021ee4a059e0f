"""A producer's combos in its portal, and putting them on sale or taking them off.

Staff hiding a combo (combo.hidden_reason) is staff's to undo; an owner hides its own combo
with status HIDDEN and no reason.
"""

import enum
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from storefront.accounts.models import User
from storefront.combos.availability import ComboOffer, combo_offer, offer_loading
from storefront.combos.builder import ComboDraft, preview, stock_as_published
from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.models import Combo, ComboStatus, Consent
from storefront.extensions import db
from storefront.producers.models import Producer


class ComboAction(enum.StrEnum):
    PUBLISH = "publish"
    HIDE = "hide"


@dataclass(frozen=True)
class OwnCombo:
    """A combo as its owner's portal lists it."""

    combo: Combo
    offer: ComboOffer  # what shoppers are offered now, and why not
    makes: int  # what current stock could make once it is on sale

    @property
    def actions(self) -> list[ComboAction]:
        """The buttons the owner gets: publish unless on sale or hidden by staff, hide when
        published."""
        if self.combo.hidden_by_staff:
            return []
        if self.combo.status is ComboStatus.PUBLISHED:
            return [ComboAction.HIDE]
        return [ComboAction.PUBLISH]


def combo_loading() -> list:
    """What the portal reads of a combo: its offer's parts, owner and heritage."""
    return [*offer_loading(), joinedload(Combo.owner), joinedload(Combo.heritage)]


def own_combos(producer: Producer, *, today: date) -> list[OwnCombo]:
    """The producer's combos, newest first, with their offers: three queries in all."""
    combos = db.session.scalars(
        select(Combo)
        .where(Combo.owner_id == producer.id)
        .order_by(Combo.created_at.desc(), Combo.id.desc())
        .options(*combo_loading())
    ).unique()
    return [own_combo(combo, today=today) for combo in combos]


def own_combo(combo: Combo, *, today: date) -> OwnCombo:
    """The combo's offer today, and what it could make; reads only what combo_loading loads."""
    offer = combo_offer(combo, today=today)
    makes = offer.stock if offer.purchasable else stock_as_published(combo, today=today)
    return OwnCombo(combo, offer, makes)


def find_own_combo(producer: Producer, combo_id: int) -> Combo | None:
    """The producer's combo with this id; None for another producer's (or no) combo."""
    return db.session.scalar(
        select(Combo)
        .where(Combo.id == combo_id, Combo.owner_id == producer.id)
        .options(*combo_loading())
    )


def find_combo(combo_id: int) -> Combo | None:
    """Any combo by id, loaded for the builder (staff)."""
    return db.session.scalar(select(Combo).where(Combo.id == combo_id).options(*combo_loading()))


def publish_combo(combo: Combo, *, actor: User, today: date) -> None:
    """Put the combo on sale.

    Raises ComboError: HIDDEN_BY_STAFF while staff keep it hidden, CONSENT_DECLINED or
    AWAITING_CONSENT (with the product) while a partner has not agreed, or the builder's
    first problem when the saved combo no longer passes its checks (an expired
    certificate, a withdrawn product...).
    """
    if combo.hidden_by_staff:
        raise ComboError(ComboErrorCode.HIDDEN_BY_STAFF)
    for consent, code in (
        (Consent.DECLINED, ComboErrorCode.CONSENT_DECLINED),
        (Consent.PENDING, ComboErrorCode.AWAITING_CONSENT),
    ):
        for component in combo.components:
            if component.consent is consent:
                raise ComboError(code, product_id=component.product_id)
    problems = preview(ComboDraft.of(combo), owner=combo.owner, today=today).problems
    if problems:
        raise problems[0]
    combo.status = ComboStatus.PUBLISHED
    db.session.commit()


def unpublish_combo(combo: Combo, *, actor: User) -> None:
    """The owner takes the combo off sale (status HIDDEN); staff's reason, if any, stays."""
    combo.status = ComboStatus.HIDDEN
    db.session.commit()
