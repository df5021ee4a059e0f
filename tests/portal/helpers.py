"""Helpers of the portal tests: products of a member, real files to upload."""

from io import BytesIO

from PIL import Image

from storefront.accounts.models import User
from storefront.catalog.models import Product
from storefront.extensions import db
from storefront.producers.models import Producer
from tests.factories import ProductFactory


def png_with_exif(width: int = 900, height: int = 600) -> bytes:
    """A real PNG carrying EXIF (a camera model and a GPS position) to be stripped."""
    image = Image.new("RGB", (width, height), (46, 106, 52))
    exif = Image.Exif()
    exif[0x0110] = "SecretCam 3000"  # Model
    exif[0x8825] = {1: "N", 2: (10.0, 2.0, 0.0)}  # GPS IFD
    out = BytesIO()
    image.save(out, "PNG", exif=exif.tobytes())
    return out.getvalue()


def product_of(member: User, **fields: object) -> Product:
    """A product (factory defaults: active, 50 in stock) of the member's producer."""
    return ProductFactory(producer=db.session.get(Producer, member.producer_id), **fields)
