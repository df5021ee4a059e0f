"""Pictures are decoded, re-encoded without metadata and stored under random names;
anything else is refused with a message, and then nothing is stored."""

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from storefront.catalog.models import ProductImage
from tests.portal.helpers import png_with_exif, product_of


def _stored_files(app) -> list[Path]:
    root = Path(app.config["UPLOAD_DIR"])
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.fixture
def product(login_as, make_member, db):
    member = login_as(make_member())
    made = product_of(member)
    db.session.commit()
    return made


def _upload(client, product, content: bytes, name: str):
    return client.post(
        f"/producer/products/{product.id}/images",
        data={"picture": (BytesIO(content), name), "alt": "Chai mật ong"},
        content_type="multipart/form-data",
    )


def test_a_real_png_is_reencoded_without_exif_and_given_a_thumbnail(app, client, product, db):
    response = _upload(client, product, png_with_exif(), "tổ ong.png")

    assert response.status_code == 302
    image = db.session.scalar(select(ProductImage))
    assert image.path.startswith("products/") and image.path.endswith(".webp")
    assert "ong" not in image.path
    assert (image.width, image.height, image.position) == (900, 600, 0)
    assert (image.thumb_width, image.thumb_height) == (400, 267)
    root = Path(app.config["UPLOAD_DIR"])
    with Image.open(root / image.path) as stored:
        assert stored.format == "WEBP"
        assert not stored.getexif() and "exif" not in stored.info
    with Image.open(root / image.thumb_path) as thumb:
        assert thumb.size == (400, 267)
    assert b"SecretCam" not in (root / image.path).read_bytes()
    assert client.get(f"/media/{image.path}").status_code == 200


def test_pictures_are_ordered_and_can_be_reordered_and_removed(app, client, product, db):
    for name in ("a.png", "b.png", "c.png"):
        _upload(client, product, png_with_exif(60, 40), name)
    first, second, third = db.session.scalars(
        select(ProductImage).order_by(ProductImage.position)
    ).all()

    client.post(f"/producer/products/{product.id}/images/{third.id}/first")
    client.post(f"/producer/products/{product.id}/images/{first.id}/remove")

    db.session.expire_all()
    remaining = db.session.scalars(select(ProductImage).order_by(ProductImage.position)).all()
    assert [(i.id, i.position) for i in remaining] == [(third.id, 0), (second.id, 1)]
    assert len(_stored_files(app)) == 4  # two pictures, two thumbnails


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (SVG, "logo.svg", "not a picture we accept"),
        (HTML, "photo.jpg", "not a picture we accept"),
        (png_with_exif()[:500], "broken.png", "not a picture we accept"),
        (b"\xff\xd8\xff" + b"\0" * (6 * 1024 * 1024), "huge.jpg", "at most 5 MB"),
        (png_with_exif(), "../../etc/evil.png", "file name is not valid"),
        (png_with_exif(), "..\\evil.png", "file name is not valid"),
    ],
)
def test_uploads_that_are_not_real_pictures_are_refused_and_nothing_is_stored(
    app, client, product, db, content, name, message
):
    response = _upload(client, product, content, name)

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(ProductImage.id))) == 0
    assert _stored_files(app) == []


def test_another_producers_product_takes_no_picture(app, client, login_as, make_member, db):
    login_as(make_member())
    theirs = product_of(make_member())
    db.session.commit()

    assert _upload(client, theirs, png_with_exif(), "a.png").status_code == 404
    assert _stored_files(app) == []
