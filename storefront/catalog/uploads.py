"""Uploaded files: product pictures and certificate scans, checked by decoding, never trusted.

A picture is decoded with Pillow (verified, then loaded), re-encoded as WebP without its
metadata (EXIF, comments, colour profiles) and stored under a random name with a
thumbnail; the uploaded name is only checked, never used. Scans go to "certificates/",
a folder the public /media route refuses to serve.
"""

import secrets
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps

from storefront.catalog.errors import CatalogErrorCode, UploadRefused

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_SCAN_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # refuses decompression bombs well before they fill the memory
IMAGE_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
PICTURE_SIDE = 1600
THUMB_SIDE = 400
SCAN_SIDE = 3000  # keeps a scanned decision legible
WEBP_QUALITY = 85
PRODUCT_FOLDER = "products"
SCAN_FOLDER = "certificates"
PRIVATE_FOLDERS = frozenset({SCAN_FOLDER})
_DECODING_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)


@dataclass(frozen=True)
class StoredImage:
    path: str
    width: int
    height: int
    thumb_path: str
    thumb_width: int
    thumb_height: int


def check_file_name(name: str | None) -> None:
    """Raises UploadRefused unless `name` is a plain file name (no folders, no "..")."""
    if not name or any(part in name for part in ("/", "\\", "..", "\x00")):
        raise UploadRefused(CatalogErrorCode.INVALID_FILE_NAME)


def _read_at_most(stream: BinaryIO, limit: int, too_large: CatalogErrorCode) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise UploadRefused(too_large)
    return data


def decode_image(data: bytes) -> Image.Image:
    """The picture in `data`, fully decoded, upright, without any metadata.

    Raises UploadRefused when it is not a JPEG, PNG or WebP that decodes cleanly.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(BytesIO(data)) as probe:
                if probe.format not in IMAGE_FORMATS or probe.width * probe.height > MAX_PIXELS:
                    raise UploadRefused(CatalogErrorCode.NOT_AN_IMAGE)
                probe.verify()
            with Image.open(BytesIO(data)) as image:
                image.load()
                upright = ImageOps.exif_transpose(image)
        except _DECODING_ERRORS as error:
            raise UploadRefused(CatalogErrorCode.NOT_AN_IMAGE) from error
    mode = "RGBA" if "A" in upright.getbands() or "transparency" in upright.info else "RGB"
    pixels = upright.convert(mode)
    # A new image carries nothing of the upload but its pixels.
    clean = Image.new(mode, pixels.size)
    clean.paste(pixels)
    return clean


def _save_webp(image: Image.Image, upload_dir: Path, path: str) -> None:
    target = upload_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as out:
        image.save(out, "WEBP", quality=WEBP_QUALITY)


def _random_name() -> str:
    return secrets.token_hex(16)


def read_picture(stream: BinaryIO, *, filename: str | None, side: int) -> Image.Image:
    """An uploaded picture, decoded and cleaned, at most `side` pixels a side.

    Raises UploadRefused for a bad name, more than 5 MB, or a file that is not a real
    JPEG, PNG or WebP picture.
    """
    check_file_name(filename)
    image = decode_image(_read_at_most(stream, MAX_IMAGE_BYTES, CatalogErrorCode.IMAGE_TOO_LARGE))
    image.thumbnail((side, side))
    return image


def store_picture(image: Image.Image, *, upload_dir: Path, folder: str) -> str:
    """Save a picture read by read_picture as WebP under a random name; its path."""
    path = f"{folder}/{_random_name()}.webp"
    _save_webp(image, upload_dir, path)
    return path


def store_product_image(stream: BinaryIO, *, filename: str | None, upload_dir: Path) -> StoredImage:
    """Check, re-encode and store a product picture with its thumbnail (see store_image)."""
    return store_image(stream, filename=filename, upload_dir=upload_dir, folder=PRODUCT_FOLDER)


def store_image(
    stream: BinaryIO, *, filename: str | None, upload_dir: Path, folder: str
) -> StoredImage:
    """Check, re-encode and store a picture with its thumbnail under `folder`.

    Raises UploadRefused (and stores nothing) for a bad name, more than 5 MB, or a file
    that is not a real JPEG, PNG or WebP picture.
    """
    image = read_picture(stream, filename=filename, side=PICTURE_SIDE)
    thumb = image.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE))
    name = _random_name()
    stored = StoredImage(
        path=f"{folder}/{name}.webp",
        width=image.width,
        height=image.height,
        thumb_path=f"{folder}/{name}-thumb.webp",
        thumb_width=thumb.width,
        thumb_height=thumb.height,
    )
    _save_webp(image, upload_dir, stored.path)
    _save_webp(thumb, upload_dir, stored.thumb_path)
    return stored


def store_scan(stream: BinaryIO, *, filename: str | None, upload_dir: Path) -> str:
    """Check and store a certificate scan (a PDF as sent, a picture re-encoded); its path.

    Raises UploadRefused (and stores nothing) for a bad name, a PDF over 10 MB, a picture
    over 5 MB, or anything that is neither a PDF nor a real picture.
    """
    check_file_name(filename)
    data = _read_at_most(stream, MAX_SCAN_BYTES, CatalogErrorCode.SCAN_TOO_LARGE)
    name = _random_name()
    if data.startswith(b"%PDF-"):
        path = f"{SCAN_FOLDER}/{name}.pdf"
        target = upload_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return path
    if len(data) > MAX_IMAGE_BYTES:
        raise UploadRefused(CatalogErrorCode.IMAGE_TOO_LARGE)
    try:
        image = decode_image(data)
    except UploadRefused as error:
        raise UploadRefused(CatalogErrorCode.NOT_A_SCAN) from error
    image.thumbnail((SCAN_SIDE, SCAN_SIDE))
    path = f"{SCAN_FOLDER}/{name}.webp"
    _save_webp(image, upload_dir, path)
    return path


def remove_files(upload_dir: Path, *paths: str | None) -> None:
    """Delete stored files (those that exist); for rows that were removed or never saved."""
    for path in paths:
        if path:
            (upload_dir / path).unlink(missing_ok=True)


def is_private(path: str) -> bool:
    """True for a normalised upload path in a folder /media must not serve (the scans)."""
    return path.split("/", 1)[0] in PRIVATE_FOLDERS
