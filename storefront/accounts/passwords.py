"""Password rules (length, not a common password) and Argon2id hashing."""

from functools import cache
from importlib.resources import files

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from storefront.accounts.errors import AccountErrorCode, WeakPassword

MIN_LENGTH = 12

# argon2-cffi's defaults are Argon2id with the RFC 9106 "low memory" profile.
hasher = PasswordHasher()


@cache
def common_passwords() -> frozenset[str]:
    """The shipped top-10k list, lower-cased, read once per process."""
    text = files("storefront.accounts").joinpath("data/common-passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line and not line.startswith("#")
    )


def check_password_policy(password: str) -> None:
    """Raises WeakPassword when the password is too short or common."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(AccountErrorCode.PASSWORD_TOO_SHORT)
    if password.lower() in common_passwords():
        raise WeakPassword(AccountErrorCode.PASSWORD_TOO_COMMON)


def hash_password(password: str) -> str:
    return hasher.hash(password)


@cache
def _dummy_hash() -> str:
    return hasher.hash("not a real password, only spends the same time")


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; with no hash it still spends the time of a real check."""
    try:
        return hasher.verify(password_hash or _dummy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with other parameters than the current ones."""
    return hasher.check_needs_rehash(password_hash)
