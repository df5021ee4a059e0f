"""Product use cases of the producer portal: create, edit, change status, manage pictures.

Each use case commits once. Callers pass only the fields a form offers; the producer,
status, stock and certificate of a product are never taken from a form.
"""

from dataclasses import dataclass, fields
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import func, select

from storefront.accounts.models import User
from storefront.catalog.errors import InvalidStatusChange, TooManyImages
from storefront.catalog.models import Category, Product, ProductImage, ProductStatus
from storefront.catalog.search import index_product
from storefront.catalog.uploads import remove_files, store_product_image
from storefront.extensions import db
from storefront.inventory.ledger import open_stock
from storefront.producers.models import Producer
from storefront.slugs import unique_slug

MAX_IMAGES = 8

# The status actions a producer may take: action -> (the states it starts from, the result).
ACTIONS: dict[str, tuple[frozenset[ProductStatus], ProductStatus]] = {
    "publish": (frozenset({ProductStatus.DRAFT}), ProductStatus.ACTIVE),
    "withdraw": (frozenset({ProductStatus.ACTIVE}), ProductStatus.DRAFT),
    "archive": (frozenset({ProductStatus.DRAFT, ProductStatus.ACTIVE}), ProductStatus.ARCHIVED),
    "restore": (frozenset({ProductStatus.ARCHIVED}), ProductStatus.DRAFT),
}


def actions_for(status: ProductStatus) -> list[str]:
    """The status actions offered to a product in `status`."""
    return [action for action, (starts, _to) in ACTIONS.items() if status in starts]


@dataclass(frozen=True)
class ProductDetails:
    """What a producer writes about a product."""

    name: str
    name_en: str | None
    category: Category
    unit: str
    unit_en: str | None
    price_vnd: int
    weight_grams: int
    description: str
    description_en: str | None
    story: str
    story_en: str | None


def _apply(product: Product, details: ProductDetails) -> None:
    for spec in fields(details):
        value = getattr(details, spec.name)
        setattr(product, spec.name, value.strip() if isinstance(value, str) else value)
    for optional in ("name_en", "unit_en", "description_en", "story_en"):
        if not getattr(product, optional):
            setattr(product, optional, None)


def create_product(
    producer: Producer, *, details: ProductDetails, opening_stock: int, actor: User
) -> Product:
    """A new draft product of `producer`; its opening stock is the ledger's first movement."""
    product = Product(
        producer=producer,
        slug=unique_slug(Product.slug, details.name, fallback="san-pham"),
        stock=0,
    )
    _apply(product, details)
    product.status = ProductStatus.DRAFT
    db.session.add(product)
    index_product(product)
    open_stock(product, quantity=opening_stock, actor=actor)
    db.session.commit()
    return product


def update_product(product: Product, *, details: ProductDetails) -> None:
    """Save what the producer wrote; the slug (the public address) stays as it was."""
    _apply(product, details)
    index_product(product)
    db.session.commit()


def change_status(product: Product, *, action: str) -> None:
    """Publish, withdraw to draft, archive or restore (a key of ACTIONS).

    Raises InvalidStatusChange when the action does not apply to the product's status.
    """
    starts, to = ACTIONS.get(action, (frozenset(), product.status))
    if product.status not in starts:
        raise InvalidStatusChange()
    product.status = to
    db.session.commit()


def add_image(
    product: Product, *, stream: BinaryIO, filename: str | None, alt: str, upload_dir: Path
) -> ProductImage:
    """Store an uploaded picture as the product's last one.

    Raises UploadRefused or TooManyImages; then nothing is stored, neither file nor row.
    """
    count = db.session.scalar(
        select(func.count(ProductImage.id)).where(ProductImage.product_id == product.id)
    )
    if count >= MAX_IMAGES:
        raise TooManyImages()
    stored = store_product_image(stream, filename=filename, upload_dir=upload_dir)
    last = db.session.scalar(
        select(func.max(ProductImage.position)).where(ProductImage.product_id == product.id)
    )
    image = ProductImage(
        product=product,
        path=stored.path,
        width=stored.width,
        height=stored.height,
        thumb_path=stored.thumb_path,
        thumb_width=stored.thumb_width,
        thumb_height=stored.thumb_height,
        alt=alt.strip()[:200],
        position=0 if last is None else last + 1,
    )
    db.session.add(image)
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        remove_files(upload_dir, stored.path, stored.thumb_path)
        raise
    return image


def _renumber(images: list[ProductImage]) -> None:
    """Give the pictures positions 0, 1, 2... in list order, without breaking the unique
    (product, position) pair between two flushes."""
    for offset, image in enumerate(images):
        image.position = -1 - offset
    db.session.flush()
    for position, image in enumerate(images):
        image.position = position


def remove_image(product: Product, image: ProductImage, *, upload_dir: Path) -> None:
    """Delete a picture (row and files) and close the gap in the order."""
    files = (image.path, image.thumb_path)
    product.images.remove(image)
    db.session.flush()
    _renumber(list(product.images))
    db.session.commit()
    remove_files(upload_dir, *files)


def move_image_first(product: Product, image: ProductImage) -> None:
    """Make this picture the cover (position 0), the others keeping their order."""
    _renumber([image, *(other for other in product.images if other is not image)])
    db.session.commit()
