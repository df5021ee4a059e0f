"""Invitations: another producer's combo that holds some of this producer's products, and
this producer's answer, which it may change later (withdrawing consent takes the combo off
sale until its owner removes the products)."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import distinct, func, select

from storefront.accounts.models import User
from storefront.clock import utcnow
from storefront.combos.availability import ComboOffer, combo_offer
from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.mails import combo_words
from storefront.combos.models import Combo, ComboComponent, Consent
from storefront.combos.publishing import combo_loading
from storefront.extensions import db
from storefront.producers.members import mail_members
from storefront.producers.models import Producer

# Waiting for an answer first, then what was agreed, then what was declined.
_ORDER = {Consent.PENDING: 0, Consent.ACCEPTED: 1, Consent.DECLINED: 2}


@dataclass(frozen=True)
class Invitation:
    """One combo of another producer, and this producer's products in it."""

    combo: Combo
    offer: ComboOffer
    components: list[ComboComponent]  # this producer's

    @property
    def consent(self) -> Consent:
        """Pending while any of its products awaits an answer, else declined if any was."""
        answers = {component.consent for component in self.components}
        for consent in (Consent.PENDING, Consent.DECLINED):
            if consent in answers:
                return consent
        return Consent.ACCEPTED


def invitations_for(producer: Producer, *, today: date) -> list[Invitation]:
    """The invitations addressed to the producer, pending first, then accepted, then
    declined, newest combo first within each; three queries whatever their number."""
    combos = list(
        db.session.scalars(
            select(Combo)
            .where(
                Combo.owner_id != producer.id,
                Combo.id.in_(
                    select(ComboComponent.combo_id).where(ComboComponent.producer_id == producer.id)
                ),
            )
            .order_by(Combo.created_at.desc(), Combo.id.desc())
            .options(*combo_loading())
        ).unique()
    )
    invitations = [
        Invitation(
            combo,
            combo_offer(combo, today=today),
            [c for c in combo.components if c.producer_id == producer.id],
        )
        for combo in combos
    ]
    return sorted(invitations, key=lambda invitation: _ORDER[invitation.consent])


def pending_count(producer: Producer) -> int:
    """How many combos wait for the producer's answer."""
    return (
        db.session.scalar(
            select(func.count(distinct(ComboComponent.combo_id)))
            .join(Combo, Combo.id == ComboComponent.combo_id)
            .where(
                ComboComponent.producer_id == producer.id,
                ComboComponent.consent == Consent.PENDING,
                Combo.owner_id != producer.id,
            )
        )
        or 0
    )


def is_invited(combo: Combo, producer: Producer) -> bool:
    """Some of the producer's products are in another producer's combo."""
    return combo.owner_id != producer.id and any(
        c.producer_id == producer.id for c in combo.components
    )


def answer_invitation(combo: Combo, *, producer: Producer, actor: User, accept: bool) -> None:
    """The producer accepts (or declines, or withdraws its consent to) every one of its
    products in the combo; the combo's owner is told by mail when the answer changes.

    Raises ComboError(NOT_INVITED) when none of the producer's products is in another
    producer's combo.
    """
    if not is_invited(combo, producer):
        raise ComboError(ComboErrorCode.NOT_INVITED)
    mine = [c for c in combo.components if c.producer_id == producer.id]
    answer = Consent.ACCEPTED if accept else Consent.DECLINED
    changed = [c for c in mine if c.consent is not answer]
    if not changed:
        return
    withdrawn = not accept and any(c.consent is Consent.ACCEPTED for c in changed)
    now = utcnow()
    for component in changed:
        component.consent = answer
        component.consent_by = actor
        component.consent_at = now
    mail_members(
        combo.owner_id,
        template="combo_answer",
        localized=combo_words(combo, mine),
        partner_name=producer.name,
        accepted=accept,
        withdrawn=withdrawn,
    )
    db.session.commit()
