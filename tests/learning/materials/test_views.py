"""The materials pages: who may use each one, and what they show."""

from urllib.parse import urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from learning.materials.models import MaterialReview, SharedMaterial
from learning.materials.services import shared_material_create

from . import files
from .conftest import (
    PUBLICATION_KEY,
    VIDEO_KEY,
    add_meetings,
    stored_files,
    translate,
)

pytestmark = pytest.mark.django_db

PEOPLE = ("participant_a", "participant_b", "facilitator", "coordinator", "anonymous")
LOGIN = "login"


def stored_pdf(world, *, hidden=False):
    material = shared_material_create(
        user=world.participant_a,
        edition=world.edition_a,
        title="Care plan",
        language="en",
        file=files.upload("care plan.pdf", files.PDF),
    )
    if hidden:
        SharedMaterial.objects.filter(pk=material.pk).update(is_hidden=True)
    return material


def as_user(client, world, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))
    return client


def outcome(response) -> object:
    """The status code, or LOGIN for a redirect to the sign-in page."""
    if response.status_code == 302:
        if urlparse(response["Location"]).path == reverse("accounts:login"):
            return LOGIN
    return response.status_code


# Each row: how to call the view, then the outcome for each of PEOPLE.
MATRIX = {
    "before-the-meeting": (
        lambda c, w: c.get(reverse("materials:edition", args=[w.edition_a.pk])),
        (200, 404, 200, 200, LOGIN),
    ),
    "review": (
        lambda c, w: c.post(
            reverse("materials:review", args=[w.edition_a.pk]),
            {"session_topic": w.topic.pk, "material": VIDEO_KEY, "reviewed": "1"},
        ),
        (302, 404, 302, 302, LOGIN),
    ),
    "progress": (
        lambda c, w: c.get(reverse("materials:progress", args=[w.edition_a.pk])),
        (403, 404, 200, 200, LOGIN),
    ),
    "shared-list": (
        lambda c, w: c.get(reverse("materials:shared", args=[w.edition_a.pk])),
        (200, 404, 200, 200, LOGIN),
    ),
    "share": (
        lambda c, w: c.post(
            reverse("materials:shared", args=[w.edition_a.pk]),
            {"title": "Guide", "language": "en", "url": "https://example.org/g"},
        ),
        (302, 404, 302, 302, LOGIN),
    ),
    "download": (
        lambda c, w: c.get(
            reverse("materials:shared-download", args=[stored_pdf(w).pk])
        ),
        (200, 404, 200, 200, LOGIN),
    ),
    "download-hidden": (
        lambda c, w: c.get(
            reverse("materials:shared-download", args=[stored_pdf(w, hidden=True).pk])
        ),
        (404, 404, 200, 200, LOGIN),
    ),
    "hide": (
        lambda c, w: c.post(reverse("materials:shared-hide", args=[stored_pdf(w).pk])),
        (403, 404, 302, 302, LOGIN),
    ),
    "restore": (
        lambda c, w: c.post(
            reverse("materials:shared-restore", args=[stored_pdf(w, hidden=True).pk])
        ),
        (404, 404, 302, 302, LOGIN),
    ),
}


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("view", MATRIX)
def test_isolation_matrix(client, world, view, who):
    call, expected = MATRIX[view]

    response = call(as_user(client, world, who), world)

    assert outcome(response) == expected[PEOPLE.index(who)]


@pytest.mark.parametrize("who", ["participant_b", "anonymous"])
def test_outsiders_change_nothing(client, world, who):
    material = stored_pdf(world)
    client = as_user(client, world, who)
    MATRIX["review"][0](client, world)
    MATRIX["share"][0](client, world)
    client.post(reverse("materials:shared-hide", args=[material.pk]))

    assert not MaterialReview.objects.exists()
    assert list(SharedMaterial.objects.all()) == [material]
    assert not SharedMaterial.objects.filter(is_hidden=True).exists()


def test_a_download_is_an_attachment_that_browsers_do_not_sniff(client, world):
    material = stored_pdf(world)
    client.force_login(world.participant_a)

    response = client.get(reverse("materials:shared-download", args=[material.pk]))

    assert b"".join(response.streaming_content) == files.PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "care_plan.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_participant_shares_a_file_from_the_page(client, world):
    client.force_login(world.participant_a)
    url = reverse("materials:shared", args=[world.edition_a.pk])

    response = client.post(
        url,
        {
            "title": "Our plan",
            "description": "How we plan.",
            "language": "es",
            "file": files.upload("plan.docx", files.DOCX),
        },
        follow=True,
    )

    assert response.status_code == 200
    material = SharedMaterial.objects.get()
    assert (material.title, material.language, material.shared_by) == (
        "Our plan",
        "es",
        world.participant_a,
    )
    assert "Our plan" in response.text
    assert reverse("materials:shared-download", args=[material.pk]) in response.text


def test_a_refused_file_is_explained_next_to_the_field(client, world):
    client.force_login(world.participant_a)

    response = client.post(
        reverse("materials:shared", args=[world.edition_a.pk]),
        {"title": "Page", "language": "en", "file": files.upload("a.html", files.HTML)},
    )

    assert response.status_code == 200
    assert "This kind of file cannot be shared." in response.text
    assert not SharedMaterial.objects.exists()
    assert stored_files() == []


def test_participants_do_not_see_hidden_materials_facilitators_restore_them(
    client, world
):
    material = stored_pdf(world)
    client.force_login(world.facilitator)
    client.post(reverse("materials:shared-hide", args=[material.pk]))
    list_url = reverse("materials:shared", args=[world.edition_a.pk])
    assert "Hidden from participants" in client.get(list_url).text

    client.force_login(world.participant_a)
    assert "Care plan" not in client.get(list_url).text

    client.force_login(world.facilitator)
    client.post(reverse("materials:shared-restore", args=[material.pk]))
    client.force_login(world.participant_a)
    assert "Care plan" in client.get(list_url).text
    logged = ModelLogEntry.objects.filter(object_id=str(material.pk))
    assert list(
        logged.order_by("timestamp", "pk").values_list("action", flat=True)
    ) == ["materials.hide", "materials.restore"]


def test_the_before_the_meeting_page_marks_and_shows_the_spanish_variant(client, world):
    translate(world.publication, "es", title="Guía de cuidado")
    client.force_login(world.participant_a)
    page_url = reverse("materials:edition", args=[world.edition_a.pk])

    client.post(
        reverse("materials:review", args=[world.edition_a.pk]),
        {"session_topic": world.topic.pk, "material": PUBLICATION_KEY, "reviewed": "1"},
    )
    response = client.get(page_url.replace("/en/", "/es/"))

    assert "Guía de cuidado" in response.text
    assert "Kinship talk" in response.text  # no Spanish video: the original
    assert response.text.count("data-fallback") == 2  # the video and the slides
    assert response.text.count("data-reviewed") == 1

    client.post(
        reverse("materials:review", args=[world.edition_a.pk]),
        {"session_topic": world.topic.pk, "material": PUBLICATION_KEY, "reviewed": "0"},
    )
    assert not MaterialReview.objects.exists()


def test_the_progress_page_shows_n_of_m(client, world):
    client.force_login(world.participant_a)
    client.post(
        reverse("materials:review", args=[world.edition_a.pk]),
        {"session_topic": world.topic.pk, "material": VIDEO_KEY, "reviewed": "1"},
    )
    client.force_login(world.facilitator)

    response = client.get(reverse("materials:progress", args=[world.edition_a.pk]))

    assert "1 of 1 participant reviewed it" in response.text
    assert "0 of 1 participant reviewed it" in response.text


def test_my_programme_links_to_the_materials(client, world):
    client.force_login(world.participant_a)

    response = client.get(reverse("participants:home"))

    assert reverse("materials:edition", args=[world.edition_a.pk]) in response.text
    assert reverse("materials:shared", args=[world.edition_a.pk]) in response.text


def test_the_shared_page_costs_the_same_for_more_materials(client, world):
    def share_links(count):
        for i in range(count):
            shared_material_create(
                user=world.participant_a,
                edition=world.edition_a,
                title=f"Link {i}",
                language="en",
                url=f"https://example.org/{i}",
            )

    client.force_login(world.facilitator)
    url = reverse("materials:shared", args=[world.edition_a.pk])
    share_links(2)
    client.get(url)  # warm the caches
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    share_links(10)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert response.text.count("data-shared-material=") == 12
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_before_the_meeting_page_costs_the_same_for_more_meetings(client, world):
    client.force_login(world.participant_a)
    url = reverse("materials:edition", args=[world.edition_a.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add_meetings(world, 3)
    # New meetings start a content generation: the parts every page shares
    # (menus, footer) are made again once, by the next request.
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert response.text.count("data-meeting=") == 4
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_materials_home_lists_the_users_own_editions(client, world):
    url = reverse("materials:home")
    progress_a = reverse("materials:progress", args=[world.edition_a.pk])
    shared_b = reverse("materials:shared", args=[world.edition_b.pk])

    assert outcome(client.get(url)) == LOGIN
    client.force_login(world.facilitator)
    facilitator_page = client.get(url).text
    client.force_login(world.participant_a)
    participant_page = client.get(url).text

    assert progress_a in facilitator_page
    assert shared_b not in facilitator_page
    assert reverse("materials:shared", args=[world.edition_a.pk]) in participant_page
    assert progress_a not in participant_page
    assert shared_b not in participant_page
