"""What the axe checks on a phone share: the phone, the rules, one page's report."""

from tests.e2e.settle import settle

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "locale": "en-GB",
}
# WCAG 2.2 AA, as axe tags its rules.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


def axe_report(page) -> str | None:
    """Axe's report of the page's violations once its transitions ended; None when
    there are none."""
    # Imported here: conftest.py imports this module, and without Playwright the
    # browser tests skip rather than fail to collect.
    from axe_playwright_python.sync_playwright import Axe

    settle(page)
    results = Axe().run(page, options=AXE_OPTIONS)
    return results.generate_report() if results.violations_count else None
