"""Staff oversight of combos: every combo of every owner in one list, hiding a combo with a
reason its owner reads, and restoring it.

A combo hidden by staff carries `hidden_reason` (with who and when): it is off the store at
once, and its owner cannot publish it again until staff restore it, which puts it back to
draft for the owner to republish.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import joinedload

from storefront.accounts.models import User
from storefront.catalog.search import matches, relevance
from storefront.clock import utcnow
from storefront.combos.availability import ComboOffer, combo_offer, offer_loading
from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.mails import combo_words
from storefront.combos.models import Combo, ComboStatus
from storefront.extensions import db
from storefront.pagination import Page, last_page
from storefront.producers.members import mail_members
from storefront.producers.models import Producer


@dataclass(frozen=True)
class StaffCombo:
    """A combo as the staff list shows it, with what shoppers are offered today."""

    combo: Combo
    offer: ComboOffer


def staff_combos(
    *,
    query: str,
    status: ComboStatus | None,
    owner_id: int | None,
    page: int,
    per_page: int,
    today: date,
) -> Page[StaffCombo]:
    """Combos of any owner and status, newest first (best matches first when searching:
    "qua tet" finds "Quà Tết"); four queries whatever the number of combos."""
    found = select(Combo)
    if query:
        found = found.where(matches(query, Combo))
    if status is not None:
        found = found.where(Combo.status == status)
    if owner_id is not None:
        found = found.where(Combo.owner_id == owner_id)
    total = db.session.scalar(select(func.count()).select_from(found.subquery())) or 0
    page = min(page, last_page(total, per_page))
    order = [Combo.created_at.desc(), Combo.id.desc()]
    if query:
        order.insert(0, relevance(query, Combo))
    combos = db.session.scalars(
        found.options(
            joinedload(Combo.owner), joinedload(Combo.heritage), joinedload(Combo.hidden_by)
        )
        .options(*offer_loading())
        .order_by(*order)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).unique()
    items = [StaffCombo(combo, combo_offer(combo, today=today)) for combo in combos]
    return Page(items, total, page, per_page)


def combo_owners() -> list[Producer]:
    """The producers that own a combo, by name: the choices of the list's owner filter."""
    owns = exists(select(Combo.id).where(Combo.owner_id == Producer.id))
    return list(db.session.scalars(select(Producer).where(owns).order_by(Producer.name)))


def find_combo_for_staff(combo_id: int) -> Combo | None:
    """Any combo by id, with its owner."""
    return db.session.scalar(
        select(Combo).where(Combo.id == combo_id).options(joinedload(Combo.owner))
    )


def hide_combo(combo: Combo, *, actor: User, reason: str) -> None:
    """Take the combo off the store at once; the owner's members are e-mailed why, each in
    their language, and the owner cannot publish it again until staff restore it. Hiding
    a hidden combo again replaces the reason.

    Raises ComboError(REASON_REQUIRED) for a blank reason; then nothing changes.
    """
    reason = reason.strip()
    if not reason:
        raise ComboError(ComboErrorCode.REASON_REQUIRED)
    combo.status = ComboStatus.HIDDEN
    combo.hidden_reason = reason
    combo.hidden_by_id = actor.id
    combo.hidden_at = utcnow()
    mail_members(
        combo.owner_id,
        template="combo_hidden",
        localized=combo_words(combo),
        reason=reason,
    )
    db.session.commit()


def restore_combo(combo: Combo, *, actor: User) -> None:
    """Lift a staff hiding: the reason goes, and the combo is a draft again, for its owner
    to check and publish (`actor` is the staff member restoring it).

    Raises ComboError(NOT_HIDDEN_BY_STAFF) unless staff hid it.
    """
    if combo.status is not ComboStatus.HIDDEN or not combo.hidden_by_staff:
        raise ComboError(ComboErrorCode.NOT_HIDDEN_BY_STAFF)
    combo.status = ComboStatus.DRAFT
    combo.hidden_reason = None
    combo.hidden_by_id = None
    combo.hidden_at = None
    db.session.commit()
