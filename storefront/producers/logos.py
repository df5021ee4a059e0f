"""Producer logos: read and stored by the catalogue's picture checks (decoded, cleaned,
re-encoded to WebP under a random name in UPLOAD_DIR/producers/), with the refusals said
in the words of the logo field."""

from pathlib import Path
from typing import IO

from PIL import Image

from storefront.catalog.errors import CatalogErrorCode, UploadRefused
from storefront.catalog.uploads import read_picture, remove_files, store_picture
from storefront.producers.errors import ProducerError, ProducerErrorCode

SIDE = 512  # the stored logo fits in SIDE × SIDE
FOLDER = "producers"
LOGO_ERRORS = {
    CatalogErrorCode.INVALID_FILE_NAME: ProducerErrorCode.LOGO_BAD_NAME,
    CatalogErrorCode.IMAGE_TOO_LARGE: ProducerErrorCode.LOGO_TOO_LARGE,
    CatalogErrorCode.NOT_AN_IMAGE: ProducerErrorCode.LOGO_NOT_AN_IMAGE,
}


def read_logo(stream: IO[bytes], filename: str) -> Image.Image:
    """The upload, at most SIDE pixels a side, upright, without metadata.

    Raises ProducerError: LOGO_BAD_NAME, LOGO_TOO_LARGE (over 5 MB), LOGO_NOT_AN_IMAGE.
    """
    try:
        return read_picture(stream, filename=filename, side=SIDE)
    except UploadRefused as error:
        raise ProducerError(LOGO_ERRORS[error.code]) from error


def store_logo(logo: Image.Image, upload_dir: Path) -> str:
    """Write a logo made by read_logo; returns its path relative to upload_dir."""
    return store_picture(logo, upload_dir=upload_dir, folder=FOLDER)


def discard_logo(path: str, upload_dir: Path) -> None:
    """Remove a stored logo (after the change that was to use it failed)."""
    remove_files(upload_dir, path)
