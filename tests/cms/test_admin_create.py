"""Every page type can be created by an editor through the Wagtail admin's add form.

Each case POSTs the form a person would send (StreamField "-count" fields, inline
formsets, Draftail rich text), publishes, and checks the stored page.
"""

from dataclasses import dataclass, field

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from cms.home.models import HomePage
from cms.pages.models import ContactPage, StandardPage
from cms.publications.models import PublicationIndexPage, PublicationPage
from cms.videos.models import VideoIndexPage, VideoPage
from learning.catalogue.models import (
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    SessionTopicPage,
)
from learning.events.models import LearningEventPage
from learning.proposals.models import CallForProposalsPage
from tests import factories
from tests.factories.events import EventSeriesProgrammePageFactory
from tests.factories.proposals import ProposalSessionsProgrammePageFactory
from tests.wagtail_admin import PageAdmin, form_errors


@dataclass
class Case:
    parent: Page
    data: dict
    expected: dict = field(default_factory=dict)


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def paragraph(html):
    return ("paragraph", rich_text(html))


def call_to_action(text, url):
    return ("call_to_action", {"text": text, "page": "", "url": url})


def home_page_case(home):
    return Case(
        parent=Page.get_first_root_node(),
        data=nested_form_data(
            {
                "title": "Second site",
                "slug": "second-site",
                "hero_heading": "Learn from each other",
                "hero_text": "Peer learning for organisations.",
                "hero_cta_text": "See the programme",
                "hero_cta_page": home.pk,
                "body": streamfield(
                    [heading("Why"), paragraph("<p>Because it works.</p>")]
                ),
            }
        ),
        expected={"hero_heading": "Learn from each other", "hero_cta_page_id": home.pk},
    )


def standard_page_case(home):
    return Case(
        parent=home,
        data=nested_form_data(
            {
                "title": "About us",
                "introduction": "Who we are.",
                "body": streamfield(
                    [
                        heading("Our story"),
                        ("quote", {"quote": "Learning together.", "attribution": ""}),
                        call_to_action("Contact", "https://example.org/contact"),
                    ]
                ),
            }
        ),
        expected={"introduction": "Who we are."},
    )


def contact_page_case(home):
    return Case(
        parent=home,
        data=nested_form_data(
            {
                "title": "Contact",
                "introduction": rich_text("<p>Write to us.</p>"),
                "thank_you_text": rich_text("<p>Thanks.</p>"),
                "to_address": "office@example.org",
                "from_address": "noreply@example.org",
                "subject": "A message",
                "form_fields": inline_formset(
                    [
                        {
                            "label": "Your email",
                            "field_type": "email",
                            "required": "on",
                            "choices": "",
                            "default_value": "",
                            "help_text": "",
                        },
                        {
                            "label": "Message",
                            "field_type": "multiline",
                            "required": "on",
                            "choices": "",
                            "default_value": "",
                            "help_text": "",
                        },
                    ]
                ),
            }
        ),
        expected={"to_address": "office@example.org", "subject": "A message"},
    )


def publication_index_page_case(home):
    return Case(
        parent=home,
        data={"title": "Publications", "introduction": "What we wrote."},
        expected={"introduction": "What we wrote."},
    )


def publication_page_case(home):
    document = factories.DocumentFactory()
    topic = factories.TopicFactory(name="Family engagement")
    return Case(
        parent=factories.PublicationIndexPageFactory(parent=home),
        data=nested_form_data(
            {
                "title": "Lessons from a year of peer learning",
                "document": document.pk,
                "authors": "Ana Pérez\nJohn Smith",
                "year": "2024",
                "topic_links": inline_formset([{"topic": topic.pk}]),
                "summary": rich_text("<p>What we found.</p>"),
                "indicators": streamfield([]),
            }
        ),
        expected={
            "document_id": document.pk,
            "author_list": ["Ana Pérez", "John Smith"],
            "year": 2024,
            "topics": [topic],
        },
    )


def video_index_page_case(home):
    return Case(
        parent=home,
        data={"title": "Videos", "introduction": "Recorded talks."},
        expected={"introduction": "Recorded talks."},
    )


def video_page_case(home):
    captions = factories.DocumentFactory(title="Subtítulos")
    return Case(
        parent=factories.VideoIndexPageFactory(parent=home),
        data=nested_form_data(
            {
                "title": "Opening talk",
                "video_file": "",
                "video_url": "https://www.youtube.com/watch?v=abc123",
                "poster_image": "",
                "duration_minutes": "12",
                "description": "How the programme began.",
                "captions": inline_formset([{"language": "es", "file": captions.pk}]),
                "transcript": rich_text("<p>Welcome.</p>"),
            }
        ),
        expected={
            "video_url": "https://www.youtube.com/watch?v=abc123",
            "duration_minutes": 12,
        },
    )


def programme_index_page_case(home):
    return Case(
        parent=home,
        data={"title": "Programmes", "introduction": "What we offer."},
        expected={"introduction": "What we offer."},
    )


def programme_page_case(home):
    data = nested_form_data(
        {
            "title": "Mutual Learning Program",
            "introduction": "Organisations learn from each other.",
            "programme_format": "online_sessions",
            "time_zone": "America/Bogota",
            "objectives_intro": "Participants will be able to:",
            "objectives": streamfield([("objective", "Lead a dialogue.")]),
            "target_groups_intro": "",
            "target_groups": streamfield([("target_group", "Social workers")]),
            "philosophy": streamfield([paragraph("<p>Dialogue first.</p>")]),
            "method": streamfield([heading("Zoom sessions")]),
            "preparation": streamfield([]),
            "what_you_get": streamfield(
                [call_to_action("Enrol", "https://example.org/enrol")]
            ),
            "certificate_rule": "Attend 75% of the sessions.",
            "certificate_attendance_threshold": "80",
            "certificate_languages": "both",
            "body": streamfield([]),
        }
    )
    # A multiple choice: the client sends one value per checked box.
    data["languages"] = ["en", "es"]
    return Case(
        parent=factories.ProgrammeIndexPageFactory(parent=home),
        data=data,
        expected={
            "languages": ["en", "es"],
            "time_zone": "America/Bogota",
            "certificate_attendance_threshold": 80,
            "certificate_languages": "both",
            "objectives_intro": "Participants will be able to:",
        },
    )


def module_page_case(home):
    return Case(
        parent=factories.ProgrammePageFactory(parent__parent=home),
        data=nested_form_data(
            {
                "title": "Collaborative and dialogical practices",
                "module_number": "1",
                "number_of_sessions": "6",
                "duration_weeks": "12",
                "is_required_first": "on",
                "introduction": "The foundation for every other module.",
                "body": streamfield([paragraph("<p>Six sessions.</p>")]),
            }
        ),
        expected={
            "module_number": 1,
            "number_of_sessions": 6,
            "is_required_first": True,
        },
    )


def session_topic_page_case(home):
    publication = factories.PublicationPageFactory(parent__parent=home)
    document = factories.DocumentFactory()
    return Case(
        parent=factories.ModulePageFactory(parent__parent__parent=home),
        data=nested_form_data(
            {
                "title": "Dialogue as a way of working",
                "summary": "How to ask transformative questions.",
                "sub_topics": streamfield(
                    [("sub_topic", "Listening"), ("sub_topic", "Questions")]
                ),
                "body": streamfield([heading("Before the session")]),
                "materials": streamfield(
                    [
                        ("page", {"page": publication.pk, "note": "Chapter 2"}),
                        (
                            "presentation",
                            {
                                "title": "Slides",
                                "document": "",
                                "url": "https://example.org/slides",
                                "description": "",
                            },
                        ),
                        ("document", {"document": document.pk, "title": ""}),
                    ]
                ),
                "forum_questions": streamfield(
                    [("question", "What does dialogue mean in your work?")]
                ),
            }
        ),
        expected={"summary": "How to ask transformative questions."},
    )


def learning_event_page_case(home):
    note = factories.PublicationPageFactory(parent__parent=home)
    document = factories.DocumentFactory()
    return Case(
        parent=EventSeriesProgrammePageFactory(parent__parent=home),
        data=nested_form_data(
            {
                "title": "Trust-based learning between peers",
                "introduction": "How trust and mutuality support peer learning.",
                "objectives": streamfield([("objective", "Discuss good practices.")]),
                "key_questions": streamfield(
                    [("question", "How is trust best supported?")]
                ),
                "body": streamfield([]),
                "background_documents": streamfield(
                    [
                        (
                            "document",
                            {"kind": "agenda", "document": document.pk, "title": ""},
                        )
                    ]
                ),
                "learning_note": note.pk,
            }
        ),
        expected={
            "introduction": "How trust and mutuality support peer learning.",
            "learning_note_id": note.pk,
        },
    )


def call_for_proposals_page_case(home):
    return Case(
        parent=ProposalSessionsProgrammePageFactory(parent__parent=home),
        data=nested_form_data(
            {
                "title": "Call for sessions 2027",
                "introduction": "Preventing violence against women and girls.",
                "guidelines": streamfield([paragraph("<p>Share one failure.</p>")]),
                "alignment_statement": "The session is aligned with the mission.",
                "opens_at": "2027-01-04 09:00",
                "closes_at": "2027-02-26 17:00",
                "time_zone": "America/Bogota",
                "score_scale": 5,
                "rubric": streamfield(
                    [
                        (
                            "criterion",
                            {"name": "Alignment", "description": "", "weight": 3},
                        ),
                        (
                            "criterion",
                            {"name": "Partners", "description": "", "weight": 1},
                        ),
                    ]
                ),
            }
        ),
        expected={
            "introduction": "Preventing violence against women and girls.",
            "time_zone": "America/Bogota",
        },
    )


CASES = {
    HomePage: home_page_case,
    StandardPage: standard_page_case,
    ContactPage: contact_page_case,
    PublicationIndexPage: publication_index_page_case,
    PublicationPage: publication_page_case,
    VideoIndexPage: video_index_page_case,
    VideoPage: video_page_case,
    ProgrammeIndexPage: programme_index_page_case,
    ProgrammePage: programme_page_case,
    ModulePage: module_page_case,
    SessionTopicPage: session_topic_page_case,
    LearningEventPage: learning_event_page_case,
    CallForProposalsPage: call_for_proposals_page_case,
}


def test_every_page_type_has_an_admin_creation_case():
    from wagtail.models import get_page_models

    creatable = {model for model in get_page_models() if model.is_creatable}
    assert creatable == set(CASES)


@pytest.mark.django_db
@pytest.mark.parametrize("model", CASES, ids=lambda model: model.__name__)
def test_superuser_creates_and_publishes_each_page_type(
    model, superuser_client, home_pages
):
    case = CASES[model](home_pages["en"])

    PageAdmin(superuser_client).assert_can_create(case.parent, model, case.data)

    page = model.objects.child_of(case.parent).get(title=case.data["title"])
    assert page.live
    assert page.locale == case.parent.locale
    for name, value in case.expected.items():
        assert getattr(page, name) == value, name


@pytest.mark.django_db
def test_created_stream_fields_and_inline_panels_are_stored(
    superuser_client, home_pages
):
    case = session_topic_page_case(home_pages["en"])

    PageAdmin(superuser_client).assert_can_create(
        case.parent, SessionTopicPage, case.data
    )

    page = SessionTopicPage.objects.get(title=case.data["title"])
    assert [block.value for block in page.sub_topics] == ["Listening", "Questions"]
    assert [block.block_type for block in page.materials] == [
        "page",
        "presentation",
        "document",
    ]
    assert page.materials[0].value["page"].specific_class is PublicationPage
    assert page.materials[1].value["url"] == "https://example.org/slides"
    assert page.forum_questions[0].value == "What does dialogue mean in your work?"


@pytest.mark.django_db
def test_contact_form_fields_are_created_in_the_page_language(
    superuser_client, home_pages
):
    case = contact_page_case(home_pages["en"])

    PageAdmin(superuser_client).assert_can_create(case.parent, ContactPage, case.data)

    page = ContactPage.objects.get(title="Contact")
    fields = list(page.form_fields.order_by("sort_order"))
    assert [(f.label, f.clean_name, f.field_type) for f in fields] == [
        ("Your email", "your_email", "email"),
        ("Message", "message", "multiline"),
    ]
    assert {f.locale.language_code for f in fields} == {"en"}
    assert "Write to us." in page.introduction


@pytest.mark.django_db
def test_a_page_type_is_refused_under_a_parent_that_does_not_allow_it(
    superuser_client, home_pages
):
    data = nested_form_data(
        {"title": "Misplaced", "module_number": "1", "body": streamfield([])}
    )

    response = PageAdmin(superuser_client).post_add_form(
        home_pages["en"], ModulePage, data
    )

    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert not ModulePage.objects.filter(title="Misplaced").exists()


@pytest.mark.django_db
def test_a_spanish_page_is_created_under_the_spanish_home(superuser_client, home_pages):
    data = {"title": "Publicaciones", "introduction": "Lo que escribimos."}

    PageAdmin(superuser_client).assert_can_create(
        home_pages["es"], PublicationIndexPage, data
    )

    page = PublicationIndexPage.objects.get(title="Publicaciones")
    assert page.locale.language_code == "es"
    assert page.url.startswith("/es/")


@pytest.mark.django_db
def test_missing_required_fields_are_reported_and_nothing_is_created(
    superuser_client, home_pages
):
    parent = factories.PublicationIndexPageFactory(parent=home_pages["en"])
    data = nested_form_data(
        {
            "title": "No year",
            "topic_links": inline_formset([]),
            "summary": rich_text(""),
            "indicators": streamfield([]),
        }
    )

    response = PageAdmin(superuser_client).post_add_form(parent, PublicationPage, data)

    assert "year" in form_errors(response)
    assert not PublicationPage.objects.filter(title="No year").exists()


# Validation the admin shows -----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("with_file", [False, True], ids=["neither", "both"])
def test_a_video_page_needs_exactly_one_of_file_and_url(
    with_file, superuser_client, home_pages
):
    case = video_page_case(home_pages["en"])
    case.data["video_url"] = (
        "https://www.youtube.com/watch?v=abc123" if with_file else ""
    )
    if with_file:
        case.data["video_file"] = factories.DocumentFactory().pk

    response = PageAdmin(superuser_client).post_add_form(
        case.parent, VideoPage, case.data
    )

    assert form_errors(response)["video_url"] == [
        "Upload a video file or give an external URL, not both."
    ]
    assert not VideoPage.objects.exists()


@pytest.mark.django_db
def test_a_video_page_with_an_uploaded_file_only_is_created(
    superuser_client, home_pages
):
    case = video_page_case(home_pages["en"])
    video = factories.DocumentFactory(title="talk.mp4")
    case.data.update(video_url="", video_file=video.pk)

    PageAdmin(superuser_client).assert_can_create(case.parent, VideoPage, case.data)

    assert VideoPage.objects.get().video_file == video


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["neither", "both"])
def test_a_call_to_action_needs_a_page_or_a_url(target, superuser_client, home_pages):
    home = home_pages["en"]
    button = {"text": "Go", "page": "", "url": ""}
    if target == "both":
        button.update(page=home.pk, url="https://example.org/")
    data = nested_form_data(
        {
            "title": "Buttons",
            "introduction": "",
            "body": streamfield([("call_to_action", button)]),
        }
    )

    response = PageAdmin(superuser_client).post_add_form(home, StandardPage, data)

    error = form_errors(response)["body"].as_data()[0]
    block_error = error.block_errors[0].block_errors["url"]
    assert block_error.messages == ["Choose a page or enter an external URL, not both."]
    assert not StandardPage.objects.filter(title="Buttons").exists()


@pytest.mark.django_db
def test_a_call_to_action_to_a_page_is_stored(superuser_client, home_pages):
    home = home_pages["en"]
    data = nested_form_data(
        {
            "title": "Buttons",
            "introduction": "",
            "body": streamfield(
                [("call_to_action", {"text": "Home", "page": home.pk, "url": ""})]
            ),
        }
    )

    PageAdmin(superuser_client).assert_can_create(home, StandardPage, data)

    button = StandardPage.objects.get(title="Buttons").body[0].value
    assert button["page"].pk == home.pk
    assert button["url"] == ""
