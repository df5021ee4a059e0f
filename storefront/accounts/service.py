"""Account use cases: sign up, sign in, reset and change a password, e-mail or profile.

Each use case commits once; mail is queued in the same transaction and sent after it.
"""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storefront.accounts import reset_tokens
from storefront.accounts.contact import email_key, normalize_email, normalize_phone
from storefront.accounts.errors import (
    AccountSuspended,
    EmailTaken,
    InvalidCredentials,
    InvalidResetLink,
    WrongPassword,
)
from storefront.accounts.models import Role, User
from storefront.accounts.passwords import (
    check_password_policy,
    hash_password,
    needs_rehash,
    verify_password,
)
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.mail.outbox import queue_mail

LOCALES = ("vi", "en")


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email_key(email)))


def _commit_unique_email() -> None:
    """Commit; raises EmailTaken when another account took the address meanwhile."""
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise EmailTaken() from error


def sign_up(*, email: str, password: str, name: str, locale: str) -> User:
    """A new shopper account. Raises InvalidEmail, EmailTaken, WeakPassword."""
    if locale not in LOCALES:
        raise ValueError(f"unsupported locale {locale!r}")
    address = normalize_email(email)
    check_password_policy(password)
    if find_user_by_email(address) is not None:
        raise EmailTaken()
    user = User(
        email=address,
        name=name.strip(),
        locale=locale,
        role=Role.SHOPPER,
        password_hash=hash_password(password),
        last_signed_in_at=utcnow(),
    )
    db.session.add(user)
    _commit_unique_email()
    return user


def authenticate(*, email: str, password: str) -> User:
    """The account these credentials open; rehashes an outdated hash.

    Raises InvalidCredentials, the same for an unknown e-mail and a wrong password (an
    unknown e-mail still costs one hash, so timing does not tell either), and
    AccountSuspended only to someone who gave the right password.
    """
    user = find_user_by_email(email)
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise InvalidCredentials()
    if not user.active:
        raise AccountSuspended()
    if needs_rehash(user.password_hash or ""):
        user.password_hash = hash_password(password)
    user.last_signed_in_at = utcnow()
    db.session.commit()
    return user


def sign_out(user: User) -> None:
    """End this and every other session of the user (a copied cookie stops working)."""
    user.end_all_sessions()
    db.session.commit()


def request_password_reset(*, email: str, secret_key: str) -> None:
    """Mail a reset link when the address has an active account; silent otherwise."""
    user = find_user_by_email(email)
    if user is None or not user.active:
        return
    token = reset_tokens.issue_reset_token(user, secret_key=secret_key)
    queue_mail(
        to=user.email,
        template="password_reset",
        locale=user.locale,
        name=user.name,
        token=token,
        valid_minutes=reset_tokens.MAX_AGE_SECONDS // 60,
    )
    db.session.commit()


def user_for_reset_token(token: str, *, secret_key: str) -> User:
    """The active user a valid, unused token was made for. Raises InvalidResetLink."""
    found = reset_tokens.read_reset_token(token, secret_key=secret_key)
    user = db.session.get(User, found[0]) if found else None
    if found is None or user is None or not user.active or not reset_tokens.matches(user, found[1]):
        raise InvalidResetLink()
    return user


def reset_password(*, token: str, password: str, secret_key: str) -> User:
    """Set a new password from a reset link, which then stops working, as do all sessions.

    Raises InvalidResetLink, WeakPassword.
    """
    user = user_for_reset_token(token, secret_key=secret_key)
    check_password_policy(password)
    user.password_hash = hash_password(password)
    user.end_all_sessions()
    db.session.commit()
    return user


def change_password(user: User, *, current_password: str, new_password: str) -> None:
    """Raises WrongPassword, WeakPassword. Ends every session; the view starts a new one."""
    if not verify_password(user.password_hash, current_password):
        raise WrongPassword()
    check_password_policy(new_password)
    user.password_hash = hash_password(new_password)
    user.end_all_sessions()
    db.session.commit()


def change_email(user: User, *, password: str, new_email: str) -> None:
    """Move the account to another address and tell the old one.

    Raises WrongPassword, InvalidEmail, EmailTaken.
    """
    if not verify_password(user.password_hash, password):
        raise WrongPassword()
    address = normalize_email(new_email)
    if address == user.email:
        return
    if find_user_by_email(address) is not None:
        raise EmailTaken()
    queue_mail(to=user.email, template="email_changed", locale=user.locale, name=user.name)
    user.email = address
    _commit_unique_email()


def update_profile(user: User, *, name: str, phone: str, locale: str) -> None:
    """Raises InvalidPhone."""
    if locale not in LOCALES:
        raise ValueError(f"unsupported locale {locale!r}")
    user.phone = normalize_phone(phone)
    user.name = name.strip()
    user.locale = locale
    db.session.commit()


def suspend_user(user: User) -> None:
    """Stop the user signing in, and end their sessions at once."""
    user.active = False
    user.end_all_sessions()
    db.session.commit()


def reinstate_user(user: User) -> None:
    """Let a suspended user sign in again (their old sessions stay ended)."""
    user.active = True
    db.session.commit()


def create_or_promote_staff(*, email: str, password: str | None) -> tuple[User, bool]:
    """Make the account at `email` staff, creating it with `password` when there is none.

    Returns (user, created). Raises InvalidEmail, WeakPassword, or ValueError when a new
    account is needed and no password is given.
    """
    address = normalize_email(email)
    user = find_user_by_email(address)
    created = user is None
    if user is None:
        if password is None:
            raise ValueError("a new staff account needs a password")
        check_password_policy(password)
        user = User(email=address, password_hash=hash_password(password))
        db.session.add(user)
    user.role = Role.STAFF
    user.producer_id = None
    user.end_all_sessions()
    db.session.commit()
    return user, created
