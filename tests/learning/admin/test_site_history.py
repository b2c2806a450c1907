"""Reports → Site history reads every audit log entry the learning code writes."""

from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from learning.certificates.models import Certificate
from tests.factories.api import ApiClientFactory
from tests.factories.certificates import AttendanceMarkFactory
from tests.factories.forum import PostFactory
from tests.factories.learning import InfoSessionFactory
from tests.factories.materials import SharedMaterialFactory

SITE_HISTORY = reverse("wagtailadmin_reports:site_history")


def _certificate(mark) -> Certificate:
    return Certificate.objects.create(
        participant=mark.participant,
        edition=mark.meeting.edition,
        code_hash="0" * 64,
        issued_at=timezone.now(),
        holder_name="Holder of the certificate",
        organisation_name="Casa Abierta",
        edition_title=mark.meeting.edition.title,
        hours=12,
    )


def _log_every_learning_action(actor) -> tuple[Counter, Certificate]:
    """One entry of each (model, action) pair the services and admin views write."""
    mark = AttendanceMarkFactory()
    post = PostFactory(thread__edition=mark.meeting.edition)
    material = SharedMaterialFactory(edition=mark.meeting.edition)
    certificate = _certificate(mark)
    session = InfoSessionFactory()
    writes = [
        (mark, ("attendance.mark", "wagtail.create", "wagtail.edit")),
        (mark.meeting, ("attendance.import", "wagtail.create", "wagtail.edit")),
        (mark.meeting.edition, ("wagtail.create", "wagtail.edit")),
        (certificate, ("certificates.issue", "certificates.revoke")),
        (post, ("forum.flag", "forum.hide", "forum.restore", "forum.dismiss")),
        (
            post.thread,
            ("forum.pin", "forum.unpin", "forum.lock", "forum.unlock", "forum.mode"),
        ),
        (material, ("materials.hide", "materials.restore")),
        (session, ("wagtail.create",)),
    ]
    for instance, actions in writes:
        for action in actions:
            log(instance=instance, action=action, user=actor)
    rows = Counter({str(instance): 0 for instance, _actions in writes})
    for instance, actions in writes:
        rows[str(instance)] += len(actions)
    return rows, certificate


def _rows(response, labels) -> Counter:
    """How many rows of the report name each of `labels`."""
    soup = BeautifulSoup(response.content, "html.parser")
    titles = [
        " ".join(cell.get_text(" ", strip=True).split())
        for cell in soup.select("table.listing tbody td.title")
    ]
    return Counter(title for title in titles if title in labels)


@pytest.mark.django_db
def test_an_admin_reads_every_kind_of_learning_log_entry(superuser_client, superuser):
    expected, certificate = _log_every_learning_action(superuser)

    response = superuser_client.get(SITE_HISTORY)

    assert response.status_code == 200
    assert _rows(response, expected) == expected
    # Certificates have no edit view: their entries link to the inspect view.
    inspect = reverse("learning_certificates:inspect", args=[certificate.pk])
    assert f'href="{inspect}"' in response.content.decode()


@pytest.mark.django_db
def test_a_coordinator_reads_learning_moderation_but_not_api_keys(
    coordinator_client, coordinator, superuser
):
    expected, _certificate = _log_every_learning_action(coordinator)
    client = ApiClientFactory(name="Partner app")
    log(instance=client, action="api.client_revoke", user=superuser)

    response = coordinator_client.get(SITE_HISTORY)

    assert response.status_code == 200
    # Forum and shared-material moderation included, API keys not.
    assert _rows(response, expected) == expected
    assert _rows(response, {"Partner app"}) == Counter()
