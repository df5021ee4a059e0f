"""Money is a whole number of Vietnamese đồng; this is how it is written."""

NBSP = "\u00a0"


def format_vnd(amount: int) -> str:
    """150000 -> "150.000 ₫" (the same in every language)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".") + f"{NBSP}₫"
