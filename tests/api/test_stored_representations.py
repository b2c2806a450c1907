"""Stored representations (api.content.stored): lists and details join JSON made
at publish, equal to what the serializers give now, and nothing they show goes
stale: a publish, an unpublish, a deletion, a move, a view restriction, a
changed image or a changed link target refreshes every row that shows it."""

import io
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from api.content import snippets
from api.content.freshness import page_changed
from api.content.models import RepresentationDependency, StoredRepresentation
from api.content.queries import translations_map, with_parent_id
from api.content.stored import BASE, serializers_for
from api.v1 import CONTENT_ROUTES
from cms.publications.models import PublicationPage
from cms.testimonials import models as testimonials
from tests.api.conftest import translate
from tests.factories import ImageFactory, StandardPageFactory
from tests.factories import snippets as snippet_factories
from tests.factories.events import EventPageFactory
from tests.factories.pages import PublicationPageFactory

PAGES = "/api/v1/standard-pages/"


def fresh(page, shape: str) -> dict:
    """What the shape's serializer gives for the page now (no stored row)."""
    request = Request(RequestFactory().get("/"))
    page = with_parent_id(type(page).objects.filter(pk=page.pk)).get()
    context = {
        "request": request,
        "translations": translations_map([page], request=request),
        "language": None,
    }
    serializer = serializers_for(type(page))[shape]
    with translation.override(page.locale.language_code):
        data = serializer(page, context=context).data
    return json.loads(JSONRenderer().render(data))


@pytest.fixture(autouse=True)
def _miss_mode(settings):
    """The response cache off (as in the benchmark's miss mode): every request is
    answered from the stored rows."""
    settings.API_RESPONSE_CACHE = False


def detail(api, url: str, pk: int) -> dict:
    response = api.get(f"{url}{pk}/")
    assert response.status_code == 200, response.content
    assert BASE.encode() not in response.content
    return response.json()


def listed(api, url: str, pk: int) -> dict | None:
    items = api.get(url, {"limit": 100}).json()["results"]
    return next((item for item in items if item["id"] == pk), None)


def republish(page, **fields):
    page = page.specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def linking_page(parent, target, image=None):
    """A standard page whose body links to target from rich text and a card."""
    body = [
        {
            "type": "paragraph",
            "value": f'<p>See <a linktype="page" id="{target.pk}">this</a>.</p>',
        },
        {
            "type": "cards",
            "value": {
                "heading": "",
                "cards": [{"page": target.pk, "text": "", "image": image and image.pk}],
            },
        },
    ]
    return republish(StandardPageFactory(parent=parent), body=json.dumps(body))


def shown_link(data: dict) -> tuple[str, dict | None]:
    """(the rich text's HTML, the card's page) of linking_page's detail."""
    paragraph, cards = data["body"]
    return paragraph["value"], cards["value"]["cards"][0]["page"]


@pytest.mark.django_db
def test_a_publish_stores_each_shape_equal_to_a_fresh_serialisation(
    api, home_pages, django_capture_on_commit_callbacks
):
    image = ImageFactory()
    target = StandardPageFactory(parent=home_pages["en"], slug="target")
    with django_capture_on_commit_callbacks(execute=True):
        page = linking_page(home_pages["en"], target, image)
    page.refresh_from_db()

    row = StoredRepresentation.objects.get(object_id=page.pk)
    assert row.revision_id == page.live_revision_id
    assert BASE in row.detail  # absolute URLs are made per request
    assert detail(api, PAGES, page.pk) == fresh(page, "detail")
    assert listed(api, PAGES, page.pk) == fresh(page, "item")
    assert detail(api, "/api/v1/pages/", page.pk) == fresh(page, "summary")
    shown = {
        (dependency.target_type.model_class(), dependency.target_id)
        for dependency in RepresentationDependency.objects.filter(holder_id=page.pk)
    }
    assert (Page, str(target.pk)) in shown
    assert (type(image), str(image.pk)) in shown


@pytest.mark.django_db
def test_a_page_without_a_stored_row_is_served_and_stored(api, home_pages):
    page = StandardPageFactory(parent=home_pages["en"], title="Fresh database")
    StoredRepresentation.objects.all().delete()

    assert detail(api, PAGES, page.pk)["title"] == "Fresh database"
    assert StoredRepresentation.objects.filter(object_id=page.pk).exists()


@pytest.mark.django_db
def test_a_new_revision_replaces_the_stored_one(api, home_pages):
    page = StandardPageFactory(parent=home_pages["en"], title="Before")
    assert detail(api, PAGES, page.pk)["title"] == "Before"

    republish(page, title="After", introduction="Changed.")

    assert detail(api, PAGES, page.pk)["introduction"] == "Changed."
    assert listed(api, PAGES, page.pk)["title"] == "After"


@pytest.mark.django_db
def test_unpublishing_a_linked_page_refreshes_the_pages_linking_to_it(api, home_pages):
    target = StandardPageFactory(parent=home_pages["en"], title="Linked")
    page = linking_page(home_pages["en"], target)
    assert shown_link(detail(api, PAGES, page.pk))[1]["title"] == "Linked"

    target.specific.unpublish()

    assert api.get(f"{PAGES}{target.pk}/").status_code == 404
    assert listed(api, PAGES, target.pk) is None
    assert shown_link(detail(api, PAGES, page.pk))[1] is None


@pytest.mark.django_db
def test_deleting_a_linked_page_refreshes_the_pages_linking_to_it(api, home_pages):
    target = StandardPageFactory(parent=home_pages["en"], slug="doomed")
    page = linking_page(home_pages["en"], target)
    assert "/doomed/" in shown_link(detail(api, PAGES, page.pk))[0]

    target.delete()

    html, card = shown_link(detail(api, PAGES, page.pk))
    assert "/doomed/" not in html
    assert card is None
    assert not StoredRepresentation.objects.filter(object_id=target.pk).exists()


@pytest.mark.django_db
def test_a_move_changes_the_urls_of_the_page_and_of_links_to_its_subtree(
    api, home_pages
):
    section = StandardPageFactory(parent=home_pages["en"], slug="section")
    other = StandardPageFactory(parent=home_pages["en"], slug="other")
    child = StandardPageFactory(parent=section, slug="child")
    page = linking_page(home_pages["en"], child)
    assert "/section/child/" in shown_link(detail(api, PAGES, page.pk))[1]["url"]

    section.move(other, pos="last-child")

    html, card = shown_link(detail(api, PAGES, page.pk))
    assert "/other/section/child/" in card["url"]
    assert "/other/section/child/" in html
    assert detail(api, PAGES, child.pk)["url"].endswith("/other/section/child/")


@pytest.mark.django_db
def test_a_new_slug_or_title_of_a_linked_page_refreshes_the_links(api, home_pages):
    target = StandardPageFactory(parent=home_pages["en"], slug="old", title="Old")
    below = StandardPageFactory(parent=target, slug="below")
    page = linking_page(home_pages["en"], target)
    below_link = linking_page(home_pages["en"], below)
    assert "/old/" in shown_link(detail(api, PAGES, page.pk))[0]

    republish(target, slug="new", title="New")

    html, card = shown_link(detail(api, PAGES, page.pk))
    assert "/new/" in html and "/old/" not in html
    assert card["title"] == "New" and card["url"].endswith("/new/")
    assert shown_link(detail(api, PAGES, below_link.pk))[1]["url"].endswith(
        "/new/below/"
    )


@pytest.mark.django_db
def test_a_page_chosen_by_a_field_refreshes_the_page_that_shows_it(api, home_pages):
    note = PublicationPageFactory(parent__parent=home_pages["en"], title="Note one")
    event = EventPageFactory(
        parent__parent__parent=home_pages["en"], learning_note=note
    )
    url = "/api/v1/event-pages/"
    assert detail(api, url, event.pk)["learning_note"]["title"] == "Note one"

    republish(note, title="Note renamed")

    assert detail(api, url, event.pk)["learning_note"]["title"] == "Note renamed"


@pytest.mark.django_db
def test_a_view_restriction_hides_and_its_removal_shows_the_page(api, home_pages):
    page = StandardPageFactory(parent=home_pages["en"], title="Open")
    assert detail(api, PAGES, page.pk)["title"] == "Open"

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert api.get(f"{PAGES}{page.pk}/").status_code == 404
    assert listed(api, PAGES, page.pk) is None

    restriction.delete()
    assert detail(api, PAGES, page.pk)["title"] == "Open"
    assert listed(api, PAGES, page.pk)["title"] == "Open"


@pytest.mark.django_db
def test_a_changed_image_changes_the_rendition_urls_shown(api, home_pages):
    image = ImageFactory(width=1200, height=800)
    target = StandardPageFactory(parent=home_pages["en"])
    page = linking_page(home_pages["en"], target, image)
    card = detail(api, PAGES, page.pk)["body"][1]["value"]["cards"][0]
    before = card["image"]["renditions"]["card"]["url"]

    image.set_focal_point(None)
    image.focal_point_x, image.focal_point_y = 1000, 100
    image.focal_point_width = image.focal_point_height = 100
    image.save()

    card = detail(api, PAGES, page.pk)["body"][1]["value"]["cards"][0]
    assert card["image"]["renditions"]["card"]["url"] != before
    assert detail(api, PAGES, page.pk) == fresh(page, "detail")


@pytest.mark.django_db
def test_a_translation_is_stored_in_its_own_language(api, home_pages, locales):
    target = StandardPageFactory(parent=home_pages["en"], slug="about")
    target_es = translate(target, locales["es"], title="Acerca", slug="acerca")
    page = StandardPageFactory(parent=home_pages["en"], slug="linking")
    page.body = [
        ("paragraph", RichText(f'<p><a linktype="page" id="{target.pk}">x</a></p>'))
    ]
    page.save_revision().publish()
    page_es = translate(page, locales["es"], title="Enlaces")

    html = detail(api, PAGES, page_es.pk)["body"][0]["value"]
    assert "/es/acerca/" in html  # the linked page's Spanish translation
    assert detail(api, PAGES, page_es.pk) == fresh(page_es, "detail")

    republish(target_es, slug="sobre")

    assert "/es/sobre/" in detail(api, PAGES, page_es.pk)["body"][0]["value"]


@pytest.mark.django_db
def test_a_change_deletes_at_once_what_it_makes_stale(home_pages):
    target = StandardPageFactory(parent=home_pages["en"])
    page = linking_page(home_pages["en"], target)
    call_command("rebuild_representations", verbosity=0)

    page_type = ContentType.objects.get_for_model(Page).pk
    assert page_changed(page=target) == {(page_type, target.pk), (page_type, page.pk)}
    assert not StoredRepresentation.objects.filter(
        object_id__in=[target.pk, page.pk]
    ).exists()


def _body_with(count: int, target, image) -> str:
    return json.dumps(
        [
            {
                "type": "cards",
                "value": {
                    "heading": "",
                    "cards": [
                        {"page": target.pk, "text": "", "image": image.pk}
                        for _ in range(count)
                    ],
                },
            },
            *[
                {
                    "type": "paragraph",
                    "value": f'<p><a linktype="page" id="{target.pk}">x</a></p>',
                }
                for _ in range(count)
            ],
        ]
    )


def _queries(api, url: str, params=None) -> int:
    api.get(url, params)  # stores the rows and warms the process caches
    with CaptureQueriesContext(connection) as context:
        response = api.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
def test_a_detail_costs_the_same_whatever_its_body_holds(api, home_pages):
    target = StandardPageFactory(parent=home_pages["en"])
    images = [ImageFactory() for _ in range(2)]
    small = republish(
        StandardPageFactory(parent=home_pages["en"]),
        body=_body_with(1, target, images[0]),
    )
    large = republish(
        StandardPageFactory(parent=home_pages["en"]),
        body=_body_with(12, target, images[1]),
    )

    assert _queries(api, f"{PAGES}{small.pk}/") == _queries(api, f"{PAGES}{large.pk}/")
    assert _queries(api, f"{PAGES}{large.pk}/") <= 4


@pytest.mark.django_db
def test_a_list_costs_the_same_for_5_and_40_rich_pages(api, home_pages):
    target = StandardPageFactory(parent=home_pages["en"])
    image = ImageFactory()
    for _ in range(5):
        republish(
            StandardPageFactory(parent=home_pages["en"]),
            body=_body_with(3, target, image),
        )
    few = _queries(api, PAGES, {"limit": 100})
    for _ in range(35):
        republish(
            StandardPageFactory(parent=home_pages["en"]),
            body=_body_with(3, target, image),
        )

    assert _queries(api, PAGES, {"limit": 100}) == few <= 6


@pytest.mark.django_db
def test_rebuild_shows_progress_is_idempotent_and_drops_rows_of_unpublished_pages(
    home_pages,
):
    pages = [StandardPageFactory(parent=home_pages["en"]) for _ in range(3)]
    out = io.StringIO()
    call_command("rebuild_representations", stdout=out)
    first = dict(StoredRepresentation.objects.values_list("object_id", "detail"))
    call_command("rebuild_representations", stdout=io.StringIO())

    live = set(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True))
    assert set(first) == live
    assert dict(StoredRepresentation.objects.values_list("object_id", "detail")) == (
        first
    )
    assert f"] {len(live)}/{len(live)}" in out.getvalue()
    pages[0].unpublish()
    StoredRepresentation.objects.create(
        content_type=StoredRepresentation.objects.first().content_type,
        object_id=pages[0].pk,
        locale=pages[0].locale,
        format=0,
        summary="{}",
    )
    call_command("rebuild_representations", verbosity=0)
    assert not StoredRepresentation.objects.filter(object_id=pages[0].pk).exists()


@pytest.mark.django_db(transaction=True)
def test_every_demo_page_type_is_stored_as_its_serializers_give_it(demo_site, api):
    live = Page.objects.live().filter(depth__gt=1).specific()
    testimonials_live = testimonials.Testimonial.objects.filter(live=True).count()
    stored = StoredRepresentation.objects.count()
    assert stored == live.count() + testimonials_live  # load_demo's last step
    checked = set()
    for page in live:
        model = type(page)
        shapes = serializers_for(model)
        if shapes["detail"] is None or (model, page.locale_id) in checked:
            assert detail(api, "/api/v1/pages/", page.pk) == fresh(page, "summary")
            continue
        checked.add((model, page.locale_id))
        url = _typed_url(model)
        assert detail(api, url, page.pk) == fresh(page, "detail"), model
        item = listed(api, f"{url}?locale={page.locale.language_code}", page.pk)
        assert item in (None, fresh(page, "item")), model  # None: past the limit
    assert PublicationPage in {model for model, _locale in checked}


def _typed_url(model) -> str:
    """The typed endpoint that lists model's pages."""
    urls = {
        viewset.model: f"/api/v1/{prefix}/"
        for prefix, viewset, _basename in CONTENT_ROUTES
        if prefix != "pages" and hasattr(viewset, "stored_shapes")
    }
    return next(urls[cls] for cls in model.__mro__ if cls in urls)


TESTIMONIALS = "/api/v1/testimonials/"


def fresh_testimonial(item) -> dict:
    request = Request(RequestFactory().get("/"))
    context = {
        "request": request,
        "translations": translations_map(
            [item], request=request, visible=snippets.visible_testimonials()
        ),
        "language": None,
    }
    with translation.override(item.locale.language_code):
        data = snippets.TestimonialSerializer(item, context=context).data
    return json.loads(JSONRenderer().render(data))


@pytest.mark.django_db
def test_a_testimonial_is_stored_and_refreshed_with_its_photo(api, home_pages):
    photo = ImageFactory(width=1200, height=800)
    item = snippet_factories.TestimonialFactory(person_name="Ana Pérez", photo=photo)

    [listed_item] = api.get(TESTIMONIALS).json()["results"]
    assert listed_item == fresh_testimonial(item)
    assert api.get(f"{TESTIMONIALS}{item.pk}/").json() == fresh_testimonial(item)
    row = StoredRepresentation.objects.get(
        content_type=ContentType.objects.get_for_model(testimonials.Testimonial),
        object_id=item.pk,
    )
    assert "Ana Pérez" in row.summary
    before = listed_item["photo"]["renditions"]["thumbnail"]["url"]

    item.person_name = "Ana María Pérez"
    item.save_revision().publish()
    photo.focal_point_x, photo.focal_point_y = 1100, 100
    photo.focal_point_width = photo.focal_point_height = 50
    photo.save()

    [listed_item] = api.get(TESTIMONIALS).json()["results"]
    assert listed_item["person_name"] == "Ana María Pérez"
    assert listed_item["photo"]["renditions"]["thumbnail"]["url"] != before
    item.refresh_from_db()
    assert listed_item == fresh_testimonial(item)

    item.unpublish()
    assert api.get(TESTIMONIALS).json()["results"] == []
    assert api.get(f"{TESTIMONIALS}{item.pk}/").status_code == 404
