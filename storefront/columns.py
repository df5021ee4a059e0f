"""Column types shared by every domain's models."""

import enum

from sqlalchemy import Enum


def str_enum(cls: type[enum.StrEnum]) -> Enum:
    """A portable enum column that stores the members' values as plain strings."""
    return Enum(
        cls,
        native_enum=False,
        length=max(len(m.value) for m in cls),
        validate_strings=True,
        values_callable=lambda members: [m.value for m in members],
    )
