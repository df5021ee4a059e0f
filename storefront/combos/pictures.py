"""The picture of a combo or a heritage entry: its columns point at a stored image."""

from storefront.catalog.uploads import StoredImage
from storefront.combos.models import Combo, Heritage


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
