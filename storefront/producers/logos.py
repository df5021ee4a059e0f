"""Producer logos: decoded and cleaned by the catalogue's picture checks, re-encoded to WebP,
stored under a random name in UPLOAD_DIR/producers/. The upload is never served as sent."""

import secrets
from io import BytesIO
from pathlib import Path
from typing import IO

from storefront.catalog.errors import UploadRefused
from storefront.catalog.uploads import MAX_IMAGE_BYTES, check_file_name, decode_image
from storefront.producers.errors import ProducerError, ProducerErrorCode

SIDE = 512  # the stored logo fits in SIDE × SIDE
FOLDER = "producers"


def read_logo(stream: IO[bytes], filename: str) -> bytes:
    """The upload as WebP: at most SIDE pixels a side, upright, without metadata.

    Raises ProducerError: LOGO_BAD_NAME, LOGO_TOO_LARGE (over 5 MB), LOGO_NOT_AN_IMAGE.
    """
    try:
        check_file_name(filename)
    except UploadRefused as error:
        raise ProducerError(ProducerErrorCode.LOGO_BAD_NAME) from error
    data = stream.read(MAX_IMAGE_BYTES + 1)
    if len(data) > MAX_IMAGE_BYTES:
        raise ProducerError(ProducerErrorCode.LOGO_TOO_LARGE)
    try:
        picture = decode_image(data)
    except UploadRefused as error:
        raise ProducerError(ProducerErrorCode.LOGO_NOT_AN_IMAGE) from error
    picture.thumbnail((SIDE, SIDE))
    out = BytesIO()
    picture.save(out, "WEBP", quality=85)
    return out.getvalue()


def store_logo(webp: bytes, upload_dir: Path) -> str:
    """Write a logo made by read_logo; returns its path relative to upload_dir."""
    folder = upload_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{FOLDER}/{secrets.token_hex(16)}.webp"
    (upload_dir / name).write_bytes(webp)
    return name


def discard_logo(path: str, upload_dir: Path) -> None:
    """Remove a stored logo (after the change that was to use it failed)."""
    (upload_dir / path).unlink(missing_ok=True)
