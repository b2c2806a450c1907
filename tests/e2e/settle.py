"""Wait for the page's transitions to end before axe reads its colours.

Wagtail's admin messages fade in (opacity over 0.5 s): axe blends a colour with
what shows through, so a check during the fade reports a contrast the finished
page does not have.
"""

SETTLED = """() => document.getAnimations().every(
    (animation) => animation.playState !== "running"
        || animation.effect?.getComputedTiming().iterations === Infinity
)"""


def settle(page) -> None:
    """Return once no finite animation or transition is running on the page."""
    page.wait_for_function(SETTLED)
