"""Provinces and wards: the two-level administrative units in force since July 2025."""

from functools import cache

from vietnam_provinces import Province, ProvinceCode, Ward

from storefront.producers.errors import ProducerError, ProducerErrorCode
from storefront.text import fold


@cache
def province_choices() -> tuple[tuple[int, str], ...]:
    """(code, name) of every province and centrally-run city, in the official order."""
    return tuple((int(p.code), p.name) for p in sorted(Province.iter_all(), key=lambda p: p.code))


@cache
def _province_codes() -> frozenset[int]:
    return frozenset(code for code, _name in province_choices())


def ward_choices(province_code: int) -> tuple[tuple[int, str], ...]:
    """(code, name) of the wards and communes of a province, by name; () for an unknown one."""
    # Only known codes reach the cache, so posted numbers cannot grow it.
    return _wards_of(province_code) if province_code in _province_codes() else ()


@cache
def _wards_of(province_code: int) -> tuple[tuple[int, str], ...]:
    wards = Ward.iter_by_province(ProvinceCode(province_code))
    return tuple((int(w.code), w.name) for w in sorted(wards, key=lambda w: fold(w.name)))


def check_locality(province_code: int, ward_code: int) -> None:
    """Raises ProducerError: UNKNOWN_PROVINCE, or WARD_NOT_IN_PROVINCE."""
    wards = ward_choices(province_code)
    if not wards:
        raise ProducerError(ProducerErrorCode.UNKNOWN_PROVINCE)
    if ward_code not in {code for code, _name in wards}:
        raise ProducerError(ProducerErrorCode.WARD_NOT_IN_PROVINCE)
