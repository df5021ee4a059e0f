"""Browser fixtures: the demo store on a free port, and Debian's Chromium driven by Playwright.

The server is a real `flask run` subprocess on its own SQLite file, migrated and seeded
with the same commands a developer uses, so the journey covers the shipped templates. It
takes cards through a fake Stripe (tests/fake_stripe) whose events reach its webhook.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import need_service
from tests.fake_stripe import FakeStripe

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
START_TIMEOUT_SECONDS = 30
WEBHOOK_PATH = "/payments/stripe/webhook"
ACTION_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class LiveServer:
    url: str
    database_url: str
    log: Path
    flask: Callable[..., None]  # flask(["create-staff", ...], stdin=...) on this server's data


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _flask(args: list[str], env: dict[str, str], log: Path, stdin: str | None = None) -> None:
    """Run one `flask` command to completion; raises RuntimeError with its output on failure."""
    done = subprocess.run(
        [sys.executable, "-m", "flask", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    with log.open("a") as out:
        out.write(f"$ flask {' '.join(args)}\n{done.stdout}{done.stderr}\n")
    if done.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def _wait_until_healthy(url: str, server: subprocess.Popen, log: Path) -> None:
    """Poll /healthz; raises RuntimeError if the server dies or stays silent."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited ({server.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url}/healthz in {START_TIMEOUT_SECONDS} s")


@pytest.fixture(scope="session")
def fake_stripe() -> Iterator[FakeStripe]:
    """Stripe's API and hosted payment page on 127.0.0.1; once the live server is up, every
    event it emits is POSTed, signed, to the store's webhook before the call returns."""
    with FakeStripe() as fake:
        yield fake


@pytest.fixture(scope="session")
def live_server(
    tmp_path_factory: pytest.TempPathFactory, fake_stripe: FakeStripe
) -> Iterator[LiveServer]:
    """The demo store on a fresh, seeded SQLite file, served by `flask run` on a free port,
    taking cards through `fake_stripe`."""
    work = tmp_path_factory.mktemp("e2e")
    database_url = f"sqlite:///{work / 'e2e.db'}"
    env = {
        **os.environ,
        "FLASK_APP": "wsgi:app",
        "FLASK_CONFIG": "development",
        "DATABASE_URL": database_url,
        "UPLOAD_DIR": str(work / "uploads"),
        "MAIL_DIR": str(work / "mail"),
        "PYTHONUNBUFFERED": "1",
        "STRIPE_SECRET_KEY": fake_stripe.secret_key,
        "STRIPE_WEBHOOK_SECRET": fake_stripe.webhook_secret,
        "STRIPE_API_BASE": fake_stripe.api_base,
    }
    env.pop("FLASK_DEBUG", None)
    log = work / "server.log"
    _flask(["db", "upgrade"], env, log)
    _flask(["seed-demo"], env, log)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "flask", "run", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("a") as out:
        server = subprocess.Popen(
            [*command, "--no-reload", "--no-debugger"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_healthy(url, server, log)
        fake_stripe.webhook_url = f"{url}{WEBHOOK_PATH}"
        yield LiveServer(
            url=url,
            database_url=database_url,
            log=log,
            flask=lambda args, stdin=None: _flask(args, env, log, stdin),
        )
    finally:
        fake_stripe.webhook_url = None
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session", autouse=True)
def chromium_installed() -> None:
    """Skip every browser test without Chromium (fail in CI), before seeding anything."""
    need_service(None if CHROMIUM.exists() else f"{CHROMIUM} is not installed")


@pytest.fixture(scope="session")
def browser(chromium_installed: None) -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """A fresh page (own cookies) whose relative URLs go to the live server.

    Fails the test if the browser reported an error, such as a Content Security Policy
    violation or a script error, or a resource that did not load.
    """
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="vi-VN"
    )
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == [], f"the browser reported errors: {errors}"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@dataclass(frozen=True)
class DemoFacts:
    """What the journeys expect of the seeded catalogue, read from its database."""

    rice_slug: str
    rice_names: dict[str, str]  # language -> the name a card shows
    rice_stars: int
    expired_slug: str


RICE_NAME = "Gạo sạch Vị Thủy"


@pytest.fixture(scope="session")
def demo(live_server: LiveServer) -> DemoFacts:
    """Slugs and names from the seeded database, so tests do not hard-code the seed's choices."""
    from sqlalchemy import select

    from storefront import create_app
    from storefront.catalog.detail import find_public_product
    from storefront.catalog.models import OcopCertificate, Product
    from storefront.catalog.pricing import Unavailable, offer_for
    from storefront.clock import today_in_vietnam
    from storefront.extensions import db

    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": live_server.database_url})
    with app.app_context():
        today = today_in_vietnam()
        rice = db.session.scalars(select(Product).where(Product.name == RICE_NAME)).one()
        certificate = rice.current_certificate
        assert certificate is not None, f"the seed's {RICE_NAME} has no verified certificate"
        candidates = db.session.scalars(
            select(Product.slug)
            .join(Product.current_certificate)
            .where(OcopCertificate.expires_on <= today)
            .order_by(Product.id)
        ).all()
        expired = [
            slug
            for slug in dict.fromkeys(candidates)
            if (found := find_public_product(slug)) is not None
            and offer_for(found, today=today).unavailable is Unavailable.CERTIFICATE_EXPIRED
        ]
        assert expired, "the seed has no public product with an expired certificate"
        facts = DemoFacts(
            rice_slug=rice.slug,
            rice_names={"vi": rice.name, "en": rice.name_en or rice.name},
            rice_stars=certificate.stars,
            expired_slug=expired[0],
        )
        db.session.remove()
        db.engine.dispose()
    return facts


_SCROLL_THROUGH = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    window.scrollTo(0, y);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  window.scrollTo(0, 0);
}"""
_BROKEN_IMAGES = "() => [...document.images].filter((i) => !i.naturalWidth).map((i) => i.src)"


def save_full_page(page: Page, path: Path) -> None:
    """Scroll through the page so lazy pictures load, check they did, then screenshot it.

    Raises AssertionError naming the pictures that did not load.
    """
    page.evaluate(_SCROLL_THROUGH)
    page.wait_for_function("() => [...document.images].every((i) => i.complete)")
    broken = page.evaluate(_BROKEN_IMAGES)
    assert not broken, f"pictures that did not load on {page.url}: {broken}"
    page.screenshot(path=path, full_page=True)
