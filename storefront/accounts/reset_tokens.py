"""Signed password-reset tokens: valid for an hour, and only until the password changes.

A token carries a fingerprint of the user's password hash and e-mail address, so using it
(which changes the hash) or changing the address makes every earlier token worthless.
"""

import hashlib
import hmac

from itsdangerous import BadData, URLSafeTimedSerializer

from storefront.accounts.models import User

SALT = "accounts.password-reset"
MAX_AGE_SECONDS = 3600


def reset_serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=SALT)


def fingerprint(user: User) -> str:
    material = f"{user.password_hash or ''}\x00{user.email}".encode()
    return hashlib.sha256(material).hexdigest()[:32]


def reset_payload(user: User) -> dict[str, object]:
    return {"id": user.id, "fp": fingerprint(user)}


def issue_reset_token(user: User, *, secret_key: str) -> str:
    return reset_serializer(secret_key).dumps(reset_payload(user))


def read_reset_token(token: str, *, secret_key: str) -> tuple[int, str] | None:
    """(user id, fingerprint) of a well-signed token younger than an hour, else None."""
    try:
        payload = reset_serializer(secret_key).loads(token, max_age=MAX_AGE_SECONDS)
    except BadData:
        return None
    if not isinstance(payload, dict):
        return None
    user_id, mark = payload.get("id"), payload.get("fp")
    if not isinstance(user_id, int) or not isinstance(mark, str):
        return None
    return user_id, mark


def matches(user: User, mark: str) -> bool:
    return hmac.compare_digest(fingerprint(user), mark)
