"""Money is a whole number of Vietnamese đồng; this is how it is written."""

NBSP = "\u00a0"


def format_vnd(amount: int) -> str:
    """150000 -> "150.000 ₫" (the same in every language)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".") + f"{NBSP}₫"


def percent_off(amount: int, percent: int) -> int:
    """`amount` less `percent` per cent, in whole đồng, rounded half up: the one rounding
    rule for percentages (199.999 ₫ less 15 % = 169.999,15 ₫ -> 169.999 ₫)."""
    return (amount * (100 - percent) + 50) // 100
