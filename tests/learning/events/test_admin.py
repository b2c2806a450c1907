"""Coordinators schedule events, read and export the RSVPs, send the documents."""

from datetime import UTC, datetime
from io import BytesIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import NoReverseMatch, reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from cms.demo.accounts import COORDINATOR_PERMISSIONS, model_permissions
from learning.events.models import Event
from tests.factories import DocumentFactory, UserFactory
from tests.factories.events import (
    EventFactory,
    EventPageFactory,
    EventRsvpFactory,
    background_documents,
)
from tests.learning.admin.html import listing_rows, row_of
from tests.spreadsheets import (
    ESCAPED_FORMULA,
    FORMULA,
    SPANISH_NAME,
    csv_download_rows,
)

pytestmark = pytest.mark.django_db


def admin_user(name, permissions):
    group = Group.objects.create(name=name)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin, *model_permissions(permissions))
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.fixture
def coordinator_client(client):
    """Signed in with the demo Coordinators group's permissions."""
    client.force_login(admin_user("Coordinators", COORDINATOR_PERMISSIONS))
    return client


@pytest.fixture
def editor_client(client):
    """Signed in to the admin, without any learning permission."""
    client.force_login(admin_user("Page editors", ()))
    return client


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def url(name, event=None, query=""):
    args = [event.pk] if event else []
    return reverse(f"learning_events:{name}", args=args) + query


@pytest.fixture
def event():
    """An event in Paris time with two people attending and one not."""
    page = EventPageFactory(
        title="Budget transparency",
        slug="budget-transparency",
        background_documents=background_documents(
            DocumentFactory(title="Draft agenda"), kind="agenda"
        ),
    )
    event = EventFactory(
        page=page,
        time_zone="Europe/Paris",
        starts_at=datetime(2030, 12, 10, 14, tzinfo=UTC),
        rsvp_closes_at=datetime(2030, 12, 4, 17, tzinfo=UTC),
        capacity=30,
    )
    EventRsvpFactory(event=event, name=SPANISH_NAME, email="andres@example.org")
    EventRsvpFactory(event=event, name=FORMULA, email="formula@example.org")
    EventRsvpFactory(event=event, attending=False, email="no@example.org")
    return event


def test_the_list_shows_dates_in_the_organisers_zone_and_the_counts(
    coordinator_client, event
):
    response = coordinator_client.get(url("index"))

    _event, date, deadline, attending, not_attending, places = row_of(
        response, "Budget transparency"
    )
    assert "15:00" in date  # 14:00 UTC is 15:00 in Paris in December
    assert "18:00" in deadline
    assert (attending, not_attending, places) == ("2", "1", "30")


def test_the_list_costs_the_same_for_more_events(
    coordinator_client, event, django_assert_max_num_queries
):
    with django_assert_max_num_queries(60) as few:
        coordinator_client.get(url("index"))
    for _ in range(4):
        EventRsvpFactory(event=EventFactory())

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(url("index"))

    assert len(listing_rows(response)) == 5


def test_scheduling_takes_the_times_in_the_organisers_zone(coordinator_client):
    page = EventPageFactory()
    data = {
        "page": page.pk,
        "time_zone": "America/Lima",
        "starts_at": "2030-06-10 09:00",
        "duration_minutes": "90",
        "rsvp_closes_at": "2030-06-05 17:00",
        "capacity": "",
        "join_url": "https://zoom.example.org/j/1",
    }

    response = coordinator_client.post(url("add"), data)

    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get(page=page)
    assert event.starts_at == datetime(2030, 6, 10, 14, tzinfo=UTC)  # Lima is UTC-5
    assert event.rsvp_closes_at == datetime(2030, 6, 5, 22, tzinfo=UTC)
    assert event.capacity is None
    assert ModelLogEntry.objects.for_instance(event).get().action == "wagtail.create"


def test_scheduling_shows_the_services_refusal_on_its_field(coordinator_client):
    page = EventPageFactory()
    data = {
        "page": page.pk,
        "time_zone": "UTC",
        "starts_at": "2030-06-10 09:00",
        "duration_minutes": "90",
        "rsvp_closes_at": "2030-06-11 09:00",
        "join_url": "",
    }

    response = coordinator_client.post(url("add"), data)

    assert response.status_code == 200
    assert "rsvp_closes_at" in response.context["form"].errors
    assert not Event.objects.exists()


def _edit_data(event, **changes):
    data = {
        "time_zone": event.time_zone,
        "starts_at": "2030-12-10 15:00",  # as stored, in Paris time
        "duration_minutes": str(event.duration_minutes),
        "rsvp_closes_at": "2030-12-04 18:00",
        "capacity": str(event.capacity),
        "join_url": event.join_url,
    }
    data.update(changes)
    return data


def test_the_edit_form_shows_the_times_in_the_organisers_zone(
    coordinator_client, event
):
    response = coordinator_client.get(url("edit", event))

    form = response.context["form"]
    assert form["starts_at"].value() == datetime(2030, 12, 10, 15)
    assert form["rsvp_closes_at"].value() == datetime(2030, 12, 4, 18)


def test_moving_the_event_sends_the_people_attending_a_new_calendar_entry(
    coordinator_client, event, commit, mailoutbox
):
    with commit():
        response = coordinator_client.post(
            url("edit", event), _edit_data(event, starts_at="2030-12-10 16:30")
        )

    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert event.starts_at == datetime(2030, 12, 10, 15, 30, tzinfo=UTC)
    assert event.sequence == 1
    assert sorted(m.to[0] for m in mailoutbox) == [
        "andres@example.org",
        "formula@example.org",
    ]


def test_saving_unchanged_times_sends_nothing(
    coordinator_client, event, commit, mailoutbox
):
    with commit():
        response = coordinator_client.post(
            url("edit", event), _edit_data(event, capacity="40")
        )

    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert (event.capacity, event.sequence) == (40, 0)
    assert mailoutbox == []


def test_places_below_the_people_attending_are_refused(coordinator_client, event):
    response = coordinator_client.post(
        url("edit", event), _edit_data(event, capacity="1")
    )

    assert response.status_code == 200
    assert "capacity" in response.context["form"].errors
    event.refresh_from_db()
    assert event.capacity == 30


def test_the_inspect_page_lists_the_rsvps(coordinator_client, event):
    response = coordinator_client.get(url("inspect", event))

    assert response.status_code == 200
    # The RSVP table's rows (six cells; the recordings table has fewer).
    rows = [row for row in listing_rows(response) if len(row) == 6]
    assert len(rows) == 3
    assert {SPANISH_NAME, FORMULA} <= {row[0] for row in rows}
    assert [row[-1] for row in rows].count("Attending") == 2
    assert b"2 attending, 1 not attending." in response.content


def test_the_rsvps_export_as_csv_with_formulas_escaped(coordinator_client, event):
    response = coordinator_client.get(url("inspect", event, "?export=csv"))

    header, *rows = csv_download_rows(response)
    assert header[:4] == ["Learning event", "Answer", "Name", "Email address"]
    names = {row[2] for row in rows}
    assert {SPANISH_NAME, ESCAPED_FORMULA} <= names
    assert len(rows) == 3
    assert "rsvps-budget-transparency.csv" in response["Content-Disposition"]


def test_the_rsvps_export_as_xlsx_with_formulas_as_text(coordinator_client, event):
    response = coordinator_client.get(url("inspect", event, "?export=xlsx"))

    assert response.status_code == 200
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    names = [row[2].value for row in sheet.iter_rows(min_row=2)]
    assert FORMULA in names
    formula_cell = next(
        row[2] for row in sheet.iter_rows(min_row=2) if row[2].value == FORMULA
    )
    assert formula_cell.data_type == "s"


def test_emailing_the_background_documents_after_confirming(
    coordinator_client, event, commit, mailoutbox
):
    confirm = coordinator_client.get(url("send_background", event))
    assert confirm.status_code == 200
    assert b"Draft agenda" in confirm.content
    assert mailoutbox == []

    with commit():
        response = coordinator_client.post(url("send_background", event), follow=True)

    assert response.redirect_chain[-1][0] == url("inspect", event)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "andres@example.org",
        "formula@example.org",
    ]
    assert "2 people" in str(next(iter(response.context["messages"])))
    history = coordinator_client.get(url("history", event))
    assert b"Background documents emailed" in history.content


def test_the_refusal_is_shown_and_nothing_is_sent(
    coordinator_client, commit, mailoutbox
):
    event = EventFactory()
    EventRsvpFactory(event=event, attending=False)

    with commit():
        response = coordinator_client.post(url("send_background", event))

    assert response.status_code == 200
    assert response.context["errors"]
    assert mailoutbox == []


@pytest.mark.parametrize(
    "name", ["index", "add", "edit", "inspect", "history", "send_background"]
)
def test_a_coordinator_opens_every_page(coordinator_client, event, name):
    target = None if name in {"index", "add"} else event

    assert coordinator_client.get(url(name, target)).status_code == 200


@pytest.mark.parametrize(
    ("method", "name", "query"),
    [
        ("get", "index", ""),
        ("get", "inspect", ""),
        ("get", "inspect", "?export=csv"),
        ("get", "send_background", ""),
        ("post", "send_background", ""),
        ("get", "edit", ""),
    ],
)
def test_an_editor_without_the_permissions_is_refused(
    editor_client, event, mailoutbox, method, name, query
):
    target = None if name == "index" else event

    response = getattr(editor_client, method)(url(name, target, query))

    assert response.status_code in {302, 403}
    assert mailoutbox == []
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")


def test_an_anonymous_visitor_is_sent_to_sign_in(client, event):
    response = client.get(url("inspect", event, "?export=csv"))

    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_there_is_no_delete_view():
    # Deleting would bypass the services (and the people's answers).
    with pytest.raises(NoReverseMatch):
        reverse("learning_events:delete", args=[1])


def test_times_are_shown_in_the_organisers_zone_on_the_inspect_page(
    coordinator_client, event
):
    response = coordinator_client.get(url("inspect", event))

    # 14:00 UTC is 15:00 in Paris in December.
    assert b"Dec. 10, 2030, 15:00 (France Time)" in response.content
    assert b"Dec. 4, 2030, 18:00 (France Time)" in response.content
