"""The demo_site fixture hands every test the demo as load_demo built it.

Each run below first checks that it got the demo untouched, then changes the demo's
rows, a sequence and its files the way a test might. Whichever run comes second in
a process (xdist keeps a file in one process) sees what the first one changed only
if the fixture failed to put the snapshot back.
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from wagtail.images import get_image_model

from learning.catalogue.models import ProgrammePage

CHANGED_TITLE = "Changed by an earlier test"
STRAY_FILE = "left-by-an-earlier-test.txt"
# What the first run found and made, for the runs after it in this process.
first_run: dict[str, object] = {}


def _files(root) -> dict[str, int]:
    root = Path(root)
    return {
        str(path.relative_to(root)): path.stat().st_size
        for path in root.rglob("*")
        if path.is_file()
    }


def _programme_title_seen_by_another_connection(pk: int) -> str:
    """Read as the live server's thread would, with a connection of its own."""

    def read():
        try:
            return ProgrammePage.objects.get(pk=pk).title
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(read).result()


def _state() -> dict[str, object]:
    programme = ProgrammePage.objects.get(
        locale__language_code="en", title__icontains="Mutual Learning"
    )
    return {
        "programme": (programme.pk, programme.title),
        "users": sorted(get_user_model().objects.values_list("email", flat=True)),
        "media": _files(settings.MEDIA_ROOT),
        "private media": _files(settings.PRIVATE_MEDIA_ROOT),
    }


@pytest.mark.parametrize("run", ["first", "second"])
def test_a_test_gets_the_demo_whatever_an_earlier_test_changed(demo_site, run):
    state = _state()
    programme_pk, title = state["programme"]
    assert title != CHANGED_TITLE
    assert _programme_title_seen_by_another_connection(programme_pk) == title
    assert "participant-a@example.org" in state["users"]
    assert STRAY_FILE not in state["media"]
    assert state["media"] and state["private media"]
    if "state" in first_run:
        assert state == first_run["state"]

    # Change the demo: a title, an account's address, a new row, files gone and added.
    ProgrammePage.objects.filter(pk=programme_pk).update(title=CHANGED_TITLE)
    get_user_model().objects.filter(email="participant-a@example.org").update(
        email="someone-else@example.org"
    )
    new_user_pk = get_user_model().objects.create_user(email="new@example.org").pk
    image = get_image_model().objects.order_by("pk").first()
    Path(image.file.path).unlink()
    (Path(settings.MEDIA_ROOT) / STRAY_FILE).write_text("stray")
    for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*"):
        if path.is_file():
            path.unlink()
    assert _programme_title_seen_by_another_connection(programme_pk) == CHANGED_TITLE

    # The sequences come back too: the next new row gets the same key again.
    if "new user pk" in first_run:
        assert new_user_pk == first_run["new user pk"]
    first_run.setdefault("state", state)
    first_run.setdefault("new user pk", new_user_pk)
