"""The picture of a combo or a heritage entry: an upload checked and stored by the
catalogue's rules, its columns pointed at it, and files never left behind by a change
that did not commit."""

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from storefront.catalog.uploads import StoredImage, remove_files, store_image
from storefront.combos.models import Combo, Heritage
from storefront.extensions import db


@dataclass(frozen=True)
class Picture:
    """An uploaded picture, not yet checked, and the folder uploads are stored in."""

    stream: BinaryIO
    filename: str | None
    upload_dir: Path


def store(picture: Picture | None, *, folder: str) -> StoredImage | None:
    """Check and store the upload under `folder`; None when there is none.

    Raises UploadRefused (catalog.errors) for a file that is not an acceptable picture.
    """
    if picture is None or not picture.filename:
        return None
    return store_image(
        picture.stream, filename=picture.filename, upload_dir=picture.upload_dir, folder=folder
    )


def show_picture(record: Combo | Heritage, stored: StoredImage) -> list[str | None]:
    """Point the record at a stored picture and its thumbnail; the paths of those replaced."""
    replaced = [record.image_path, record.thumb_path]
    record.image_path, record.image_width, record.image_height = (
        stored.path,
        stored.width,
        stored.height,
    )
    record.thumb_path, record.thumb_width, record.thumb_height = (
        stored.thumb_path,
        stored.thumb_width,
        stored.thumb_height,
    )
    return replaced


def commit_with_picture(
    record: Combo | Heritage, picture: Picture | None, stored: StoredImage | None
) -> None:
    """Point the record at `stored` (when a picture was stored) and commit. If the commit
    fails, roll back and remove the new files; once it succeeds, remove those replaced."""
    replaced = show_picture(record, stored) if stored is not None else []
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        if picture is not None and stored is not None:
            remove_files(picture.upload_dir, stored.path, stored.thumb_path)
        raise
    if picture is not None:
        remove_files(picture.upload_dir, *replaced)
