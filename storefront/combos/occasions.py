"""Which gift-giving occasion is coming, by the lunar calendar, for the home page's combos.

Tết (the lunar new year, 1st day of the 1st lunar month) leads from 90 days before it until
5 days after; else Mid-Autumn (15th day of the 8th lunar month) from 45 days before it to
its day; else souvenirs for visitors, all year round.
"""

from dataclasses import dataclass
from datetime import date

from lunardate import LunarDate

from storefront.combos.models import Occasion

TET_DAYS_AHEAD = 90
TET_DAYS_AFTER = 5
MID_AUTUMN_DAYS_AHEAD = 45

_STEMS = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
_BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")


@dataclass(frozen=True)
class ComingOccasion:
    occasion: Occasion
    on: date | None  # the day itself; None for souvenirs (any time)
    year_name: str | None = None  # Tết's lunar year, "Đinh Mùi"
    begun: bool = False  # it is already here (Tết's first days)


def lunar_year_name(year: int) -> str:
    """The sexagenary name of a lunar year: 2027 -> "Đinh Mùi"."""
    return f"{_STEMS[(year - 4) % 10]} {_BRANCHES[(year - 4) % 12]}"


def tet(year: int) -> date:
    """The solar date of Tết starting lunar year `year` (in January or February of it)."""
    return LunarDate(year, 1, 1).to_solar_date()


def mid_autumn(year: int) -> date:
    """The solar date of the Mid-Autumn festival of lunar year `year`."""
    return LunarDate(year, 8, 15).to_solar_date()


def upcoming(today: date) -> ComingOccasion:
    """The occasion shoppers are buying gifts for on `today`, with its date."""
    for year in (today.year, today.year + 1):
        day = tet(year)
        if -TET_DAYS_AFTER <= (day - today).days <= TET_DAYS_AHEAD:
            return ComingOccasion(Occasion.TET, day, lunar_year_name(year), begun=day <= today)
    for year in (today.year, today.year + 1):
        day = mid_autumn(year)
        if 0 <= (day - today).days <= MID_AUTUMN_DAYS_AHEAD:
            return ComingOccasion(Occasion.MID_AUTUMN, day, begun=day == today)
    return ComingOccasion(Occasion.SOUVENIR, None)
