"""A shop's owner invites people by e-mail; they join with the link in the mail; the owner
revokes invitations and removes members. Only plain shoppers with the invited address join,
and a link works once."""

import hashlib
import re
import threading
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy import func, select

from storefront.accounts.models import Role, User
from storefront.cart.models import SavedCartLine
from storefront.clock import utcnow
from storefront.extensions import db
from storefront.mail.models import OutboxMessage
from storefront.wholesale import members
from storefront.wholesale.errors import ShopError, ShopErrorCode
from storefront.wholesale.models import Shop, ShopInvitation, ShopStatus
from tests.factories import USER_PASSWORD, ProducerFactory, UserFactory
from tests.shopping import product_key, stocked_product
from tests.wholesale.conftest import fresh
from tests.wholesale.shops import approved_shop, shop_member

LINK = re.compile(r"/wholesale/invitations/([A-Za-z0-9_-]+)")


# --- helpers ------------------------------------------------------------------------------


@pytest.fixture
def owner(db) -> User:
    user = UserFactory(name="Trần Văn Minh", email="minh@quaque.vn", locale="en")
    approved_shop(user, name="Quà Quê Souvenirs")
    db.session.commit()
    return user


@pytest.fixture
def shop(owner: User) -> Shop:
    return db.session.get(Shop, owner.shop_id)


@pytest.fixture
def browser(app: Flask, login_as):
    """`browser(user=None)`: a client of its own reading English, signed in as `user`."""

    def open_browser(user: User | None = None) -> FlaskClient:
        client = app.test_client()
        client.set_cookie("lang", "en")
        if user is not None:
            login_as(user, client=client)
        return client

    return open_browser


@pytest.fixture
def owner_client(browser, owner: User) -> FlaskClient:
    return browser(owner)


def token_of(message: OutboxMessage) -> str:
    return LINK.search(message.text_body).group(1)


def invited(owner: User, email: str, *, days_ago: int = 0) -> str:
    """Invite `email` straight through the domain; the token from the queued mail."""
    members.invite(owner=owner, email=email, now=utcnow() - timedelta(days=days_ago))
    message = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc())).first()
    return token_of(message)


def invitations() -> list[ShopInvitation]:
    return list(
        db.session.scalars(
            select(ShopInvitation)
            .order_by(ShopInvitation.id)
            .execution_options(populate_existing=True)
        )
    )


def role_and_shop(user: User) -> tuple[Role, int | None]:
    fresh(user)
    return user.role, user.shop_id


# --- inviting -----------------------------------------------------------------------------


def test_the_owner_invites_by_email_and_the_mail_carries_a_link_to_join(
    owner_client, owner, shop, smtp_server
):
    with owner_client.post("/wholesale/members/invite", data={"email": " Lan@Example.VN "}) as r:
        assert r.status_code == 302
        assert r.location.endswith("/wholesale/members")

    [invitation] = invitations()
    assert invitation.email == "lan@example.vn"
    assert invitation.shop_id == shop.id
    assert invitation.invited_by_id == owner.id
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    [mail] = smtp_server.messages
    assert mail.recipients == ["lan@example.vn"]
    # No account for that address: the mail is in the inviter's language.
    assert mail.message["Subject"] == (
        "Trần Văn Minh invites you to buy for Quà Quê Souvenirs on Chợ OCOP"
    )
    text = mail.message.get_body(("plain",)).get_content()
    html = mail.message.get_body(("html",)).get_content()
    token = LINK.search(text).group(1)
    assert f"http://127.0.0.1:5000/wholesale/invitations/{token}" in text
    assert f"/wholesale/invitations/{token}" in html
    assert len(token) >= 43
    # Only the token's hash is kept.
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in invitation.token_hash
    page = owner_client.get("/wholesale/members").get_data(as_text=True)
    assert "We e-mailed an invitation to lan@example.vn." in page
    assert "lan@example.vn" in page
    assert f'action="/wholesale/invitations/{invitation.id}/revoke"' in page


def test_the_mail_is_in_the_invitees_language_when_they_have_an_account(owner_client, smtp_server):
    UserFactory(email="hoa@example.vn", locale="vi")
    db.session.commit()

    owner_client.post("/wholesale/members/invite", data={"email": "hoa@example.vn"}).close()

    [mail] = smtp_server.messages
    assert mail.recipients == ["hoa@example.vn"]
    [queued] = db.session.scalars(select(OutboxMessage)).all()
    assert queued.locale == "vi"


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter the e-mail address of the person to invite."),
        ("not an address", "Enter a valid e-mail address, such as lan@example.vn."),
        ("lan@", "Enter a valid e-mail address, such as lan@example.vn."),
        ("a" * 250 + "@x.vn", "An e-mail address has at most 254 characters."),
    ],
)
def test_a_bad_address_is_refused_and_nothing_is_sent(owner_client, email, message, smtp_server):
    response = owner_client.post("/wholesale/members/invite", data={"email": email})

    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    response.close()
    assert invitations() == []
    assert smtp_server.messages == []


def test_a_member_of_the_shop_is_not_invited_again(owner_client, owner, shop):
    member = shop_member(shop)
    db.session.commit()

    for address in (member.email, owner.email.upper()):
        response = owner_client.post("/wholesale/members/invite", data={"email": address})
        assert response.status_code == 400
        assert "is already a member of this shop." in response.get_data(as_text=True)
    assert invitations() == []


def test_an_open_invitation_to_the_same_address_is_not_sent_twice(owner_client, owner):
    invited(owner, "lan@example.vn")

    response = owner_client.post("/wholesale/members/invite", data={"email": "LAN@example.vn"})

    assert response.status_code == 400
    assert "lan@example.vn has already been invited" in response.get_data(as_text=True)
    assert len(invitations()) == 1


def test_an_expired_invitation_does_not_stop_a_new_one(owner_client, owner):
    invited(owner, "lan@example.vn", days_ago=8)

    response = owner_client.post("/wholesale/members/invite", data={"email": "lan@example.vn"})

    assert response.status_code == 302
    assert len(invitations()) == 2


def _staff() -> User:
    return UserFactory(role=Role.STAFF)


def _producer() -> User:
    return UserFactory(role=Role.PRODUCER, producer_id=ProducerFactory().id)


def _other_shops_member() -> User:
    return shop_member(approved_shop(name="Another shop"))


def _other_shops_owner() -> User:
    shop = approved_shop(name="Another shop")
    return db.session.get(User, shop.owner_id)


def _applicant_of(status: ShopStatus):
    def make() -> User:
        shop = approved_shop(name="My own shop", status=status)
        return db.session.get(User, shop.owner_id)

    return make


CANNOT_JOIN = [
    pytest.param(_staff, id="staff"),
    pytest.param(_producer, id="producer"),
    pytest.param(_other_shops_member, id="another-shops-member"),
    pytest.param(_other_shops_owner, id="another-shops-owner"),
    pytest.param(_applicant_of(ShopStatus.PENDING), id="pending-applicant"),
    pytest.param(_applicant_of(ShopStatus.REJECTED), id="rejected-applicant"),
]


@pytest.mark.parametrize("make", CANNOT_JOIN)
def test_an_account_that_cannot_join_a_shop_is_not_invited(owner_client, make, smtp_server):
    user = make()
    db.session.commit()

    response = owner_client.post("/wholesale/members/invite", data={"email": user.email})

    assert response.status_code == 400
    assert f"{user.email} cannot be invited" in response.get_data(as_text=True)
    response.close()
    assert invitations() == []
    assert smtp_server.messages == []


def test_a_shop_has_at_most_twenty_members_and_open_invitations(owner_client, owner, shop):
    for _n in range(9):
        shop_member(shop)
    db.session.commit()
    for n in range(10):  # with the owner: 10 members + 10 invitations
        invited(owner, f"guest{n}@example.vn")

    response = owner_client.post("/wholesale/members/invite", data={"email": "one@example.vn"})

    assert response.status_code == 400
    assert "at most 20 members and open invitations together" in response.get_data(as_text=True)
    assert len(invitations()) == 10
    # Revoking one makes room.
    owner_client.post(f"/wholesale/invitations/{invitations()[0].id}/revoke").close()
    response = owner_client.post("/wholesale/members/invite", data={"email": "one@example.vn"})
    assert response.status_code == 302


# --- joining ------------------------------------------------------------------------------


def test_an_invited_shopper_signs_in_from_the_link_and_joins_the_shop(
    browser, owner, shop, smtp_server
):
    lan = UserFactory(name="Lê Thị Lan", email="lan@example.vn")
    db.session.commit()
    token = invited(owner, "LAN@example.vn")
    visitor = browser()

    page = visitor.get(f"/wholesale/invitations/{token}")

    assert page.status_code == 200
    assert page.headers["Referrer-Policy"] == "no-referrer"
    text = page.get_data(as_text=True)
    assert "Join Quà Quê Souvenirs" in text
    assert "Trần Văn Minh invites you to buy for Quà Quê Souvenirs" in text
    sign_in = f"/account/sign-in?next=/wholesale/invitations/{token}"
    assert f'href="{sign_in}"' in text
    assert f'href="/account/sign-up?next=/wholesale/invitations/{token}"' in text
    assert "/accept" not in text

    signed_in = visitor.post(
        sign_in,
        data={
            "email": lan.email,
            "password": USER_PASSWORD,
            "next": f"/wholesale/invitations/{token}",
        },
    )
    assert signed_in.location == f"/wholesale/invitations/{token}"
    page = visitor.get(f"/wholesale/invitations/{token}").get_data(as_text=True)
    assert f'action="/wholesale/invitations/{token}/accept"' in page

    joined = visitor.post(f"/wholesale/invitations/{token}/accept")

    assert joined.status_code == 302
    assert joined.location.endswith("/wholesale/members")
    assert role_and_shop(lan) == (Role.SHOP, shop.id)
    [invitation] = invitations()
    assert invitation.accepted_by_id == lan.id
    assert invitation.accepted_at is not None
    listing = visitor.get("/wholesale/members").get_data(as_text=True)
    assert "Welcome to Quà Quê Souvenirs!" in listing
    assert "Lê Thị Lan" in listing
    # The link is used up.
    assert visitor.get(f"/wholesale/invitations/{token}").status_code == 404


def test_a_new_person_creates_an_account_from_the_link_and_comes_back_to_join(browser, owner, shop):
    token = invited(owner, "hoa@example.vn")
    visitor = browser()
    back = f"/wholesale/invitations/{token}"

    created = visitor.post(
        f"/account/sign-up?next={back}",
        data={
            "name": "Phạm Hoa",
            "email": "hoa@example.vn",
            "password": USER_PASSWORD,
            "confirm": USER_PASSWORD,
        },
    )

    assert created.status_code == 302
    assert created.location == back
    assert visitor.post(f"{back}/accept").status_code == 302
    hoa = db.session.scalar(select(User).where(User.email == "hoa@example.vn"))
    assert (hoa.role, hoa.shop_id) == (Role.SHOP, shop.id)


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil"])
def test_sign_up_ignores_a_next_address_off_this_site(browser, target):
    visitor = browser()

    created = visitor.post(
        "/account/sign-up",
        query_string={"next": target},
        data={
            "name": "Phạm Hoa",
            "email": "hoa@example.vn",
            "password": USER_PASSWORD,
            "confirm": USER_PASSWORD,
        },
    )

    assert created.status_code == 302
    assert created.location == "/"


def test_an_anonymous_accept_is_sent_to_sign_in_first(browser, owner):
    token = invited(owner, "lan@example.vn")

    response = browser().post(f"/wholesale/invitations/{token}/accept")

    assert response.status_code == 302
    assert response.location.startswith("/account/sign-in?next=")
    assert invitations()[0].accepted_at is None


def test_someone_signed_in_with_another_address_is_refused(browser, owner, shop):
    token = invited(owner, "lan@example.vn")
    other = UserFactory(email="someone@example.vn")
    db.session.commit()
    visitor = browser(other)

    page = visitor.get(f"/wholesale/invitations/{token}").get_data(as_text=True)
    assert "This invitation was sent to another e-mail address" in page
    assert "/accept" not in page

    response = visitor.post(f"/wholesale/invitations/{token}/accept")

    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "This invitation was sent to another e-mail address, not to someone@example.vn" in text
    assert role_and_shop(other) == (Role.SHOPPER, None)
    assert invitations()[0].accepted_at is None


@pytest.mark.parametrize("make", CANNOT_JOIN)
def test_an_account_that_cannot_join_a_shop_is_refused_at_the_link(browser, owner, shop, make):
    # Invited before the address had an account; it is now staff, a producer, a shop's
    # member or owner, or someone who applied for a shop.
    token = invited(owner, "lan@example.vn")
    changed = make()
    changed.email = "lan@example.vn"
    db.session.commit()
    before = (changed.role, changed.shop_id, changed.producer_id)
    visitor = browser(changed)

    assert "/accept" not in visitor.get(f"/wholesale/invitations/{token}").get_data(as_text=True)
    response = visitor.post(f"/wholesale/invitations/{token}/accept")

    assert response.status_code == 400
    assert "Your account cannot join a shop" in response.get_data(as_text=True)
    fresh(changed)
    assert (changed.role, changed.shop_id, changed.producer_id) == before
    assert invitations()[0].accepted_at is None


def test_a_member_already_in_the_shop_is_told_so(browser, owner, shop):
    lan = UserFactory(email="lan@example.vn")
    db.session.commit()
    token = invited(owner, "lan@example.vn")
    lan.role, lan.shop_id = Role.SHOP, shop.id
    db.session.commit()

    response = browser(lan).post(f"/wholesale/invitations/{token}/accept")

    assert response.status_code == 400
    assert "lan@example.vn is already a member of this shop." in response.get_data(as_text=True)


def _expired(owner: User) -> str:
    return invited(owner, "lan@example.vn", days_ago=8)


def _revoked(owner: User) -> str:
    token = invited(owner, "lan@example.vn")
    invitation = invitations()[-1]
    members.revoke_invitation(invitation, owner=owner, now=utcnow())
    return token


def _used(owner: User) -> str:
    token = invited(owner, "lan@example.vn")
    lan = db.session.scalar(select(User).where(User.email == "lan@example.vn"))
    members.accept_invitation(token, user=lan, now=utcnow())
    lan.role, lan.shop_id = Role.SHOPPER, None  # left the shop again
    db.session.commit()
    return token


def _unknown(owner: User) -> str:
    return "x" * 43


def _too_long(owner: User) -> str:
    return "x" * 500


@pytest.mark.parametrize(
    "make_token",
    [
        pytest.param(_expired, id="expired"),
        pytest.param(_revoked, id="revoked"),
        pytest.param(_used, id="used"),
        pytest.param(_unknown, id="unknown"),
        pytest.param(_too_long, id="too-long"),
    ],
)
def test_a_link_that_no_longer_works_is_a_clear_404(browser, owner, shop, make_token):
    lan = UserFactory(email="lan@example.vn")
    db.session.commit()
    token = make_token(owner)
    accepted_before = [i.accepted_at for i in invitations()]
    visitor = browser(lan)

    for response in (
        browser().get(f"/wholesale/invitations/{token}"),
        visitor.get(f"/wholesale/invitations/{token}"),
        visitor.post(f"/wholesale/invitations/{token}/accept"),
    ):
        assert response.status_code == 404
        text = response.get_data(as_text=True)
        assert "This invitation no longer works" in text
        assert "it may have expired, been revoked or been used already" in text

    assert role_and_shop(lan) == (Role.SHOPPER, None)
    assert [i.accepted_at for i in invitations()] == accepted_before


def test_accept_refuses_in_the_domain_too(owner, shop):
    lan = UserFactory(email="lan@example.vn")
    db.session.commit()
    token = invited(owner, "lan@example.vn")
    members.accept_invitation(token, user=lan, now=utcnow())

    with pytest.raises(ShopError) as refused:
        members.accept_invitation(token, user=lan, now=utcnow())

    assert refused.value.code is ShopErrorCode.INVITATION_INVALID


# --- the members' page, revoking and removing ---------------------------------------------


def test_the_owner_sees_members_with_the_owner_badge_invitations_and_the_forms(
    owner_client, owner, shop
):
    member = shop_member(shop)
    db.session.commit()
    invited(owner, "lan@example.vn")

    page = owner_client.get("/wholesale/members")

    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Shop members" in text
    assert "Trần Văn Minh" in text and "minh@quaque.vn" in text
    assert member.name in text and member.email in text
    assert text.count(">owner<") == 1
    assert "Open invitations" in text and "lan@example.vn" in text
    assert 'action="/wholesale/members/invite"' in text
    assert f'action="/wholesale/members/{member.id}/remove"' in text
    assert f'action="/wholesale/members/{owner.id}/remove"' not in text


def test_a_member_sees_the_list_read_only(browser, owner, shop):
    member = shop_member(shop)
    db.session.commit()
    invited(owner, "lan@example.vn")

    page = browser(member).get("/wholesale/members")

    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Trần Văn Minh" in text and member.email in text
    assert "Only the shop's owner can invite or remove members." in text
    assert "lan@example.vn" not in text
    assert "/invite" not in text and "/remove" not in text and "/revoke" not in text


def test_the_shop_account_page_links_to_the_members(browser, owner, shop):
    member = shop_member(shop)
    db.session.commit()

    for user in (owner, member):
        page = browser(user).get("/wholesale/application").get_data(as_text=True)
        assert 'href="/wholesale/members"' in page
        assert "Shop members" in page


@pytest.mark.parametrize("who", ["anonymous", "shopper", "staff", "pending-shop-owner"])
def test_only_members_of_an_approved_shop_see_a_member_list(browser, who):
    if who == "anonymous":
        client = browser()
    elif who == "pending-shop-owner":
        shop = approved_shop(status=ShopStatus.PENDING)
        client = browser(db.session.get(User, shop.owner_id))
    else:
        client = browser(UserFactory(role=Role.STAFF if who == "staff" else Role.SHOPPER))

    response = client.get("/wholesale/members")

    assert response.status_code == (302 if who == "anonymous" else 403)


def test_the_owner_revokes_an_invitation_and_its_link_stops_working(owner_client, browser, owner):
    token = invited(owner, "lan@example.vn")
    invitation = invitations()[0]

    response = owner_client.post(
        f"/wholesale/invitations/{invitation.id}/revoke", follow_redirects=True
    )

    assert "The invitation to lan@example.vn is revoked" in response.get_data(as_text=True)
    assert invitations()[0].revoked_at is not None
    assert browser().get(f"/wholesale/invitations/{token}").status_code == 404
    page = owner_client.get("/wholesale/members").get_data(as_text=True)
    assert "No invitation is waiting for an answer." in page


def test_the_owner_removes_a_member_whose_cart_stays(owner_client, shop):
    member = shop_member(shop)
    product = stocked_product(5)
    db.session.add(SavedCartLine(user_id=member.id, key=product_key(product).encode(), quantity=3))
    db.session.commit()

    response = owner_client.post(f"/wholesale/members/{member.id}/remove", follow_redirects=True)

    assert f"{member.name} is no longer a member of Quà Quê Souvenirs." in response.get_data(
        as_text=True
    )
    assert role_and_shop(member) == (Role.SHOPPER, None)
    lines = db.session.scalars(select(SavedCartLine).where(SavedCartLine.user_id == member.id))
    assert [line.quantity for line in lines] == [3]


def test_the_owner_cannot_be_removed(owner_client, owner, shop):
    response = owner_client.post(f"/wholesale/members/{owner.id}/remove")

    assert response.status_code == 400
    assert str(escape("The shop's owner cannot be removed.")) in response.get_data(as_text=True)
    assert role_and_shop(owner) == (Role.SHOP, shop.id)

    with pytest.raises(ShopError) as refused:
        members.remove_member(owner, owner=owner)
    assert refused.value.code is ShopErrorCode.OWNER_CANNOT_BE_REMOVED


def test_a_member_who_is_not_the_owner_cannot_invite_revoke_or_remove(
    browser, owner, shop, smtp_server
):
    member, other = shop_member(shop), shop_member(shop)
    db.session.commit()
    invited(owner, "lan@example.vn")
    invitation = invitations()[0]
    client = browser(member)

    responses = [
        client.post("/wholesale/members/invite", data={"email": "hoa@example.vn"}),
        client.post(f"/wholesale/invitations/{invitation.id}/revoke"),
        client.post(f"/wholesale/members/{other.id}/remove"),
        client.post(f"/wholesale/members/{owner.id}/remove"),
    ]

    assert [r.status_code for r in responses] == [403, 403, 403, 403]
    for response in responses:
        response.close()
    assert smtp_server.messages == []
    assert [(i.email, i.revoked_at) for i in invitations()] == [("lan@example.vn", None)]
    assert role_and_shop(other) == (Role.SHOP, shop.id)
    assert role_and_shop(owner) == (Role.SHOP, shop.id)


def test_another_shops_owner_gets_404_for_this_shops_invitations_and_members(browser, owner, shop):
    member = shop_member(shop)
    other_shop = approved_shop(name="Another shop")
    db.session.commit()
    invited(owner, "lan@example.vn")
    invitation = invitations()[0]
    client = browser(db.session.get(User, other_shop.owner_id))

    assert client.post(f"/wholesale/invitations/{invitation.id}/revoke").status_code == 404
    assert client.post(f"/wholesale/members/{member.id}/remove").status_code == 404
    assert client.post("/wholesale/invitations/999999/revoke").status_code == 404
    assert invitations()[0].revoked_at is None
    assert role_and_shop(member) == (Role.SHOP, shop.id)


@pytest.mark.parametrize("role", [Role.SHOPPER, Role.STAFF, Role.PRODUCER])
def test_other_roles_cannot_use_the_owners_actions(browser, owner, shop, role):
    member = shop_member(shop)
    db.session.commit()
    invited(owner, "lan@example.vn")
    invitation = invitations()[0]
    user = _producer() if role is Role.PRODUCER else UserFactory(role=role)
    client = browser(user)

    assert (
        client.post("/wholesale/members/invite", data={"email": "x@example.vn"}).status_code == 403
    )
    assert client.post(f"/wholesale/invitations/{invitation.id}/revoke").status_code == 403
    assert client.post(f"/wholesale/members/{member.id}/remove").status_code == 403
    assert len(invitations()) == 1 and invitations()[0].revoked_at is None
    assert role_and_shop(member) == (Role.SHOP, shop.id)


def test_guards_take_the_user(owner, shop):
    member = shop_member(shop)
    db.session.commit()

    assert members.shop_of(owner) == shop and members.shop_of(member) == shop
    assert members.owned_shop(owner) == shop
    with pytest.raises(ShopError) as refused:
        members.owned_shop(member)
    assert refused.value.code is ShopErrorCode.NOT_SHOP_OWNER
    with pytest.raises(ShopError):
        members.invite(owner=member, email="lan@example.vn", now=utcnow())
    assert [u.id for u in members.members_of(shop)] == [owner.id, member.id]


# --- two accepts at once ------------------------------------------------------------------


def _at_once(app: Flask, attempts: list[tuple[str, int]]) -> list[str]:
    """Each (token, user id) accepted in a thread of its own, all released together;
    "joined" or the refusal's code for each."""
    barrier, results = threading.Barrier(len(attempts)), ["?"] * len(attempts)

    def accept(n: int, token: str, user_id: int) -> None:
        with app.app_context():
            try:
                user = db.session.get(User, user_id)
                barrier.wait(timeout=10)
                members.accept_invitation(token, user=user, now=utcnow())
                results[n] = "joined"
            except ShopError as error:
                results[n] = error.code.value
            except Exception as error:  # recorded: the test fails on it
                results[n] = repr(error)
            finally:
                db.session.remove()

    threads = [
        threading.Thread(target=accept, args=(n, token, user_id))
        for n, (token, user_id) in enumerate(attempts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.parametrize("rounds", range(3))
def test_a_link_accepted_twice_at_the_same_moment_works_once(shared_app, rounds):
    owner = UserFactory(locale="en")
    approved_shop(owner)
    lan = UserFactory(email="lan@example.vn")
    db.session.commit()
    token = invited(owner, "lan@example.vn")

    results = _at_once(shared_app, [(token, lan.id), (token, lan.id)])

    assert sorted(results) == ["invitation_invalid", "joined"]
    db.session.expire_all()
    assert db.session.get(User, lan.id).shop_id == owner.shop_id
    [invitation] = invitations()
    assert invitation.accepted_by_id == lan.id


@pytest.mark.parametrize("rounds", range(3))
def test_two_shops_invitations_accepted_at_once_make_a_member_of_one_shop(shared_app, rounds):
    first, second = UserFactory(locale="en"), UserFactory(locale="en")
    approved_shop(first, name="First")
    approved_shop(second, name="Second")
    lan = UserFactory(email="lan@example.vn")
    db.session.commit()
    tokens = [invited(first, "lan@example.vn"), invited(second, "lan@example.vn")]

    results = _at_once(shared_app, [(tokens[0], lan.id), (tokens[1], lan.id)])

    assert sorted(results) == ["cannot_join", "joined"]
    db.session.expire_all()
    joined = results.index("joined")
    assert db.session.get(User, lan.id).shop_id == (first, second)[joined].shop_id
    accepted = [i.accepted_at is not None for i in invitations()]
    assert accepted == [joined == 0, joined == 1]
    assert db.session.scalar(select(func.count()).select_from(ShopInvitation)) == 2
