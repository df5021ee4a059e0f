"""axe-core on the shopper's pages, in both languages: no serious or critical violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.e2e.conftest import DemoFacts

pytestmark = pytest.mark.e2e

BLOCKING = ("serious", "critical")


def readable(violations: list[dict]) -> str:
    """One paragraph per violation: rule, impact, help, and the first few failing nodes."""
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']}"
            f" [{len(violation['nodes'])} nodes] {violation['helpUrl']}"
        )
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {', '.join(map(str, node['target']))}: {summary[:300]}")
    return "\n".join(lines)


@pytest.fixture
def pages(demo: DemoFacts) -> dict[str, str]:
    return {
        "home": "/",
        "catalog": "/catalog/",
        "product": f"/catalog/products/{demo.rice_slug}",
    }


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", ["home", "catalog", "product"])
def test_page_has_no_serious_accessibility_violation(
    page: Page, pages: dict[str, str], name: str, lang: str
) -> None:
    # given the page in the chosen language
    page.goto(f"{pages[name]}?lang={lang}")
    page.wait_for_load_state("load")

    # when axe-core checks it
    violations = Axe().run(page).response["violations"]

    # then nothing serious or critical is found
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    others = [v for v in violations if v["impact"] not in BLOCKING]
    if others:
        print(f"{name} ({lang}), minor findings:\n{readable(others)}")
    assert not blocking, f"{name} ({lang}):\n{readable(blocking)}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_buying_pages_have_no_serious_accessibility_violation(
    page: Page, demo: DemoFacts, lang: str
) -> None:
    # given a cart with the demo rice in it
    page.goto(f"/catalog/products/{demo.rice_slug}?lang={lang}")
    page.locator(".add-to-cart button[type=submit]").click()
    page.wait_for_selector(".add-to-cart__message")

    # when axe-core checks the cart, the checkout form and the order lookup
    blocking = {}
    for path in ("/cart", "/checkout", "/orders/lookup"):
        page.goto(path)
        page.wait_for_load_state("load")
        found = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
        if found:
            blocking[path] = readable(found)

    # then nothing serious or critical is found
    assert not blocking, blocking
