"""Staff curate the heritage entries combos are tied to: list, create and edit them.

Each use case commits once. A new picture is checked and stored by the catalogue's upload
rules under UPLOAD_DIR/heritage/; the one it replaces is removed after the change commits.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import func, select

from storefront.catalog.uploads import StoredImage, remove_files, store_image
from storefront.combos.errors import ComboError, ComboErrorCode
from storefront.combos.models import Combo, Heritage, HeritageKind
from storefront.combos.pictures import show_picture
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
class Picture:
    """An uploaded picture, not yet checked."""

    stream: BinaryIO
    filename: str | None


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


def _store(picture: Picture | None, upload_dir: Path) -> StoredImage | None:
    """Raises UploadRefused (catalog.errors) for a file that is not an acceptable picture."""
    if picture is None or not picture.filename:
        return None
    return store_image(
        picture.stream, filename=picture.filename, upload_dir=upload_dir, folder=FOLDER
    )


def _commit(stored: StoredImage | None, upload_dir: Path) -> None:
    """Commit, or roll back and remove the picture just stored."""
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        if stored is not None:
            remove_files(upload_dir, stored.path, stored.thumb_path)
        raise


def create_heritage(
    details: HeritageDetails, *, picture: Picture | None, upload_dir: Path
) -> Heritage:
    """A new entry, with a slug made from its name (unique: "-2" and so on when taken).

    Raises ComboError (NAME_REQUIRED, UNKNOWN_PROVINCE, WARD_NOT_IN_PROVINCE) or
    UploadRefused; then nothing is stored.
    """
    details = _checked(details)
    stored = _store(picture, upload_dir)
    heritage = Heritage(slug=unique_slug(Heritage.slug, details.name, fallback="di-san"))
    _apply(heritage, details)
    if stored is not None:
        show_picture(heritage, stored)
    db.session.add(heritage)
    _commit(stored, upload_dir)
    return heritage


def update_heritage(
    heritage: Heritage, details: HeritageDetails, *, picture: Picture | None, upload_dir: Path
) -> None:
    """Save the changes (the slug, its public address, stays) and, with a new picture,
    replace the old one. The combos tied to it are re-indexed on flush (combos.search).

    Raises ComboError (NAME_REQUIRED, UNKNOWN_PROVINCE, WARD_NOT_IN_PROVINCE) or
    UploadRefused; then nothing changes.
    """
    details = _checked(details)
    stored = _store(picture, upload_dir)
    _apply(heritage, details)
    replaced = show_picture(heritage, stored) if stored is not None else []
    _commit(stored, upload_dir)
    remove_files(upload_dir, *replaced)
