"""Unique URL slugs: a name's slug, numbered when another row of the same table has it."""

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute

from storefront.extensions import db
from storefront.text import slugify


def unique_slug(
    column: InstrumentedAttribute[str],
    name: str,
    *,
    fallback: str,
    among: ColumnElement[bool] | None = None,
) -> str:
    """slugify(name), or `fallback` when nothing is left of it, with -2, -3... when `column`
    holds it already; `among` narrows the rows that count (a renamed row leaves itself out)."""
    base = (slugify(name) or fallback)[:200]
    query = select(column).where((column == base) | column.like(f"{base}-%"))
    if among is not None:
        query = query.where(among)
    taken = set(db.session.scalars(query))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
