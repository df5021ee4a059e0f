"""A logo is a real picture, re-encoded without metadata; anything else is refused and
nothing is stored."""

from io import BytesIO

import pytest
from PIL import Image

from tests.producers.conftest import application, picture, producers

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def stored_files(app) -> list:
    upload_dir = app.config["UPLOAD_DIR"]
    return sorted(p for p in upload_dir.rglob("*") if p.is_file()) if upload_dir.exists() else []


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_a_logo_is_stored_as_webp_under_a_random_name_without_exif(app, client, apply, fmt):
    producer = apply(logo=(BytesIO(picture(fmt, size=(1200, 800))), f"logo.{fmt.lower()}"))

    [stored] = stored_files(app)
    assert producer.logo == f"producers/{stored.name}"
    assert stored.suffix == ".webp" and "logo" not in stored.name
    with Image.open(stored) as image:
        assert image.format == "WEBP"
        assert max(image.size) == 512
        assert not image.getexif()
    assert client.get(f"/media/{producer.logo}").status_code == 200


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (SVG, "logo.svg", "must be a JPEG, PNG or WebP picture"),
        (HTML, "logo.jpg", "must be a JPEG, PNG or WebP picture"),
        (picture()[:200], "truncated.png", "must be a JPEG, PNG or WebP picture"),
        (picture() + b"\0" * (6 * 1024 * 1024), "big.png", "larger than 5 MB"),
        (picture(), "../../evil.png", "file name is not allowed"),
        (picture(), "..\\evil.png", "file name is not allowed"),
    ],
)
def test_a_logo_that_is_not_a_plain_picture_is_refused_and_nothing_is_stored(
    app, client, applicant, db, content, filename, message
):
    response = client.post(
        "/producer/apply",
        data=application(logo=(BytesIO(content), filename)),
        content_type="multipart/form-data",
    )

    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert stored_files(app) == []
    assert producers() == []
    db.session.refresh(applicant)
    assert applicant.producer_id is None


def test_an_application_without_a_logo_stores_no_file(app, apply):
    producer = apply(logo=(BytesIO(b""), ""))

    assert producer.logo is None
    assert stored_files(app) == []
