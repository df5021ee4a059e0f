"""Producer fixtures: a valid application form, an applicant, a staff client, pictures."""

from collections.abc import Callable, Iterator
from io import BytesIO

import pytest
from flask import Flask, Response, request_finished
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import select

from storefront.accounts.models import Role, User
from storefront.extensions import db
from storefront.producers.models import Producer
from tests.factories import CAN_THO, VI_THANH_WARD, UserFactory

HA_NOI = 1
HA_NOI_WARD = 4  # Phường Ba Đình, Thành phố Hà Nội


def application(**changes: object) -> dict[str, object]:
    """A valid application form; `changes` replace or add fields."""
    return {
        "name": "Hợp tác xã Khóm Cầu Đúc",
        "kind": "cooperative",
        "tax_code": "0123456789",
        "province": str(CAN_THO),
        "ward": str(VI_THANH_WARD),
        "address": "12 Trần Hưng Đạo",
        "phone": "0912 345 678",
        "story": "Khóm trồng trên đất phèn.",
        **changes,
    }


def picture(fmt: str = "PNG", *, size: tuple[int, int] = (300, 200)) -> bytes:
    """A real picture carrying EXIF (a camera model) that must not survive the upload."""
    image = Image.new("RGB", size, (46, 106, 52))
    exif = Image.Exif()
    exif[0x0110] = "SecretCam 3000"
    out = BytesIO()
    image.save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def producers() -> list[Producer]:
    return list(db.session.scalars(select(Producer).execution_options(populate_existing=True)))


def fresh(record: object) -> None:
    """Read a record again as the requests left it."""
    db.session.refresh(record)


@pytest.fixture(autouse=True)
def no_server_errors(app: Flask) -> Iterator[None]:
    """Fails a test in which any request answered with a 5xx."""
    failed: list[int] = []

    def record(sender: Flask, response: Response, **extra: object) -> None:
        if response.status_code >= 500:
            failed.append(response.status_code)

    request_finished.connect(record, app)
    yield
    request_finished.disconnect(record, app)
    assert failed == [], "a request failed with a server error"


@pytest.fixture
def applicant(login_as: Callable[..., User], client: FlaskClient) -> User:
    """A signed-in shopper (on `client`, which shows English) who may apply."""
    user = login_as(Role.SHOPPER)
    client.set_cookie("lang", "en")
    return user


@pytest.fixture
def staff_client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def staff(login_as: Callable[..., User], staff_client: FlaskClient) -> User:
    """A staff member signed in on `staff_client`, which shows English."""
    staff_client.set_cookie("lang", "en")
    return login_as(UserFactory(role=Role.STAFF, email="staff@ocop.vn"), client=staff_client)


@pytest.fixture
def apply(client: FlaskClient, applicant: User) -> Callable[..., Producer]:
    """`apply(**changes)`: the applicant sends an application; returns its producer."""

    def send(**changes: object) -> Producer:
        response = client.post("/producer/apply", data=application(**changes))
        assert response.status_code == 302, response.get_data(as_text=True)
        fresh(applicant)
        producer = db.session.get(Producer, applicant.producer_id)
        fresh(producer)
        return producer

    return send
