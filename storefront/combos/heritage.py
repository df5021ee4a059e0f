"""Staff curate the heritage entries combos are tied to: list, create and edit them.

Each use case commits once. A new picture is checked and stored by the catalogue's upload
rules under UPLOAD_DIR/heritage/; the one it replaces is removed after the change commits.
"""

from dataclasses import dataclass

from sqlalchemy import func, select

from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.models import Combo, Heritage, HeritageKind
from storefront.combos.pictures import Picture, commit_with_picture, store
from storefront.extensions import db
from storefront.producers.errors import ProducerError, ProducerErrorCode
from storefront.producers.places import check_locality
from storefront.slugs import unique_slug

FOLDER = "heritage"


@dataclass(frozen=True)
class HeritageDetails:
    """What staff write about a place or tradition."""

    name: str
    name_en: str | None
    kind: HeritageKind
    province_code: int
    ward_code: int
    story: str  # Markdown
    story_en: str | None


@dataclass(frozen=True)
class HeritageRow:
    heritage: Heritage
    combos: int  # combos tied to it, whatever their status


def heritage_rows() -> list[HeritageRow]:
    """Every entry by name, with how many combos are tied to it; one query."""
    tied = (
        select(Combo.heritage_id, func.count(Combo.id).label("combos"))
        .group_by(Combo.heritage_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Heritage, func.coalesce(tied.c.combos, 0))
        .outerjoin(tied, tied.c.heritage_id == Heritage.id)
        .order_by(Heritage.name, Heritage.id)
    )
    return [HeritageRow(heritage, combos) for heritage, combos in rows]


def find_heritage_entry(heritage_id: int) -> Heritage | None:
    return db.session.get(Heritage, heritage_id)


# The producers' rule for a place, said in the combos' words (the form's own messages).
PLACE_ERRORS = {
    ProducerErrorCode.UNKNOWN_PROVINCE: ComboErrorCode.UNKNOWN_PROVINCE,
    ProducerErrorCode.WARD_NOT_IN_PROVINCE: ComboErrorCode.WARD_NOT_IN_PROVINCE,
}


def _check_place(province_code: int, ward_code: int) -> None:
    """Raises ComboError: UNKNOWN_PROVINCE, or WARD_NOT_IN_PROVINCE."""
    try:
        check_locality(province_code, ward_code)
    except ProducerError as error:
        raise ComboError(PLACE_ERRORS[error.code]) from error


def _checked(details: HeritageDetails) -> HeritageDetails:
    """The details trimmed, blank English texts as None.

    Raises ComboError: NAME_REQUIRED, UNKNOWN_PROVINCE, WARD_NOT_IN_PROVINCE.
    """
    if not details.name.strip():
        raise ComboError(ComboErrorCode.NAME_REQUIRED)
    _check_place(details.province_code, details.ward_code)
    return HeritageDetails(
        name=details.name.strip(),
        name_en=(details.name_en or "").strip() or None,
        kind=details.kind,
        province_code=details.province_code,
        ward_code=details.ward_code,
        story=details.story.strip(),
        story_en=(details.story_en or "").strip() or None,
    )


def _apply(heritage: Heritage, details: HeritageDetails) -> None:
    heritage.name = details.name
    heritage.name_en = details.name_en
    heritage.kind = details.kind
    heritage.province_code = details.province_code
    heritage.ward_code = details.ward_code
    heritage.story = details.story
    heritage.story_en = details.story_en


def create_heritage(details: HeritageDetails, *, picture: Picture | None) -> Heritage:
    """A new entry, with a slug made from its name (unique: "-2" and so on when taken).

    Raises ComboError (NAME_REQUIRED, UNKNOWN_PROVINCE, WARD_NOT_IN_PROVINCE) or
    UploadRefused; then nothing is stored.
    """
    details = _checked(details)
    stored = store(picture, folder=FOLDER)
    heritage = Heritage(slug=unique_slug(Heritage.slug, details.name, fallback="di-san"))
    _apply(heritage, details)
    db.session.add(heritage)
    commit_with_picture(heritage, picture, stored)
    return heritage


def update_heritage(
    heritage: Heritage, details: HeritageDetails, *, picture: Picture | None
) -> None:
    """Save the changes (the slug, its public address, stays) and, with a new picture,
    replace the old one. The combos tied to it are re-indexed on flush (combos.search).

    Raises ComboError (NAME_REQUIRED, UNKNOWN_PROVINCE, WARD_NOT_IN_PROVINCE) or
    UploadRefused; then nothing changes.
    """
    details = _checked(details)
    stored = store(picture, folder=FOLDER)
    _apply(heritage, details)
    commit_with_picture(heritage, picture, stored)
