"""The site's models: users, publications, videos, snippets and site settings."""

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from cms.core.models import SiteSettings
from cms.publications.models import PublicationIndexPage, PublicationPage
from cms.videos.models import VideoPage
from tests import factories

User = get_user_model()


# Users -------------------------------------------------------------------------------


@pytest.mark.django_db
class TestUser:
    def test_signs_in_with_the_email_in_any_case(self):
        user = factories.UserFactory(email="maria@example.org")

        for typed in ("maria@example.org", "Maria@Example.org", "MARIA@EXAMPLE.ORG"):
            assert authenticate(username=typed, password="mutual-demo") == user

    def test_a_wrong_password_does_not_sign_in(self):
        factories.UserFactory(email="maria@example.org")

        assert authenticate(username="maria@example.org", password="wrong") is None

    def test_signs_in_to_the_admin_with_a_differently_cased_email(self, client):
        factories.SuperUserFactory(email="admin@example.org")

        response = client.post(
            reverse("wagtailadmin_login"),
            {"username": "ADMIN@example.ORG", "password": "mutual-demo"},
        )

        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
        assert client.get(reverse("wagtailadmin_home")).status_code == 200

    def test_create_user_normalises_the_domain_and_needs_an_email(self):
        user = User.objects.create_user("Ana@EXAMPLE.ORG", "a-long-password")

        assert user.email == "Ana@example.org"
        assert not user.is_staff
        assert not user.is_superuser
        with pytest.raises(ValueError):
            User.objects.create_user("", "a-long-password")

    def test_create_superuser_is_staff_and_superuser(self):
        user = User.objects.create_superuser("root@example.org", "a-long-password")

        assert user.is_staff
        assert user.is_superuser
        with pytest.raises(ValueError):
            User.objects.create_superuser("x@example.org", "pw", is_staff=False)

    def test_names(self):
        named = factories.UserFactory(first_name="Ana", last_name="Pérez")
        unnamed = factories.UserFactory(
            email="nobody@example.org", first_name="", last_name=""
        )

        assert str(named) == "Ana Pérez"
        assert named.get_short_name() == "Ana"
        assert str(unnamed) == "nobody@example.org"
        assert unnamed.get_short_name() == "nobody@example.org"

    def test_preferred_language_defaults_to_the_site_language(self):
        user = User.objects.create_user("new@example.org", "a-long-password")

        assert user.preferred_language == "en"
        choices = User._meta.get_field("preferred_language").choices
        assert [code for code, _name in choices] == settings.CONTENT_LANGUAGES

    def test_an_email_differing_only_in_case_is_refused(self):
        factories.UserFactory(email="maria@example.org")

        try:
            with transaction.atomic():
                User.objects.create_user("MARIA@example.org", "a-long-password")
        except (IntegrityError, ValidationError):
            return
        raise AssertionError("a second account with the same email was created")


# Publications ----------------------------------------------------------------------


@pytest.fixture
def publications(home_pages):
    return factories.PublicationIndexPageFactory(parent=home_pages["en"])


@pytest.mark.django_db
def test_publication_authors_are_one_per_line(publications):
    page = factories.PublicationPageFactory(
        parent=publications, authors="  Ana Pérez \n\nJohn Smith\n"
    )

    assert page.author_list == ["Ana Pérez", "John Smith"]


@pytest.mark.django_db
def test_publication_topics_are_shown_in_the_page_language(locales, publications):
    topic_en = factories.TopicFactory(name="Family engagement")
    topic_es = factories.TopicFactory(
        name="Participación familiar",
        locale=locales["es"],
        translation_key=topic_en.translation_key,
    )
    untranslated = factories.TopicFactory(name="Monitoring")
    page = factories.PublicationPageFactory(parent=publications)
    factories.PublicationPageTopicFactory(page=page, topic=topic_en)
    factories.PublicationPageTopicFactory(page=page, topic=untranslated)

    page_es = page.copy_for_translation(locales["es"], copy_parents=True)

    # `localized` follows the active language, which the /es/ prefix sets.
    with translation.override("es"):
        assert page_es.topics == [topic_es, untranslated]
    with translation.override("en"):
        assert page.topics == [topic_en, untranslated]


@pytest.mark.django_db
def test_publication_year_must_be_plausible(publications):
    page = factories.PublicationPageFactory(parent=publications)
    page.year = 1800

    with pytest.raises(ValidationError) as raised:
        page.full_clean()

    assert "year" in raised.value.error_dict


@pytest.mark.django_db
def test_publication_index_lists_newest_first_and_filters_by_year(publications, rf):
    old = factories.PublicationPageFactory(parent=publications, year=2019)
    new = factories.PublicationPageFactory(parent=publications, year=2024)
    factories.PublicationPageFactory(parent=publications, year=2021, live=False)

    everything = publications.get_context(rf.get("/"))
    filtered = publications.get_context(rf.get("/", {"year": "2019"}))
    nonsense = publications.get_context(rf.get("/", {"year": "last"}))

    assert list(everything["publications"]) == [new, old]
    assert list(everything["years"]) == [2024, 2019]
    assert list(filtered["publications"]) == [old]
    assert filtered["selected_year"] == "2019"
    assert list(nonsense["publications"]) == [new, old]


@pytest.mark.django_db
def test_publication_index_filters_by_topic_across_languages(locales, home_pages, rf):
    topic_en = factories.TopicFactory(name="Family engagement", slug="family")
    topic_es = factories.TopicFactory(
        name="Participación familiar",
        slug="familia",
        locale=locales["es"],
        translation_key=topic_en.translation_key,
    )
    index_es = factories.PublicationIndexPageFactory(parent=home_pages["es"])
    tagged = factories.PublicationPageFactory(parent=index_es, year=2023)
    factories.PublicationPageFactory(parent=index_es, year=2024)
    # The Spanish page still links the English topic: the filter follows the key.
    factories.PublicationPageTopicFactory(page=tagged, topic=topic_en)

    context = index_es.get_context(rf.get("/", {"topic": "familia"}))

    assert list(context["topics"]) == [topic_es]
    assert list(context["publications"]) == [tagged]
    assert context["selected_topic"] == "familia"


@pytest.mark.django_db
def test_publication_index_pages_past_the_last_show_the_last(publications, rf):
    factories.PublicationPageFactory.create_batch(13, parent=publications)

    context = publications.get_context(rf.get("/", {"page": "99"}))

    assert context["publications"].number == 2
    assert len(context["publications"]) == 1
    assert isinstance(publications, PublicationIndexPage)


@pytest.mark.django_db
def test_topics_are_ordered_by_name_and_named_by_it():
    factories.TopicFactory(name="Monitoring")
    factories.TopicFactory(name="Evaluation")

    from cms.publications.models import Topic

    assert [str(topic) for topic in Topic.objects.all()] == ["Evaluation", "Monitoring"]


# Videos ------------------------------------------------------------------------------


@pytest.fixture
def videos(home_pages):
    return factories.VideoIndexPageFactory(parent=home_pages["en"])


@pytest.mark.django_db
class TestVideoSource:
    def test_an_external_url_alone_is_valid(self, videos):
        factories.VideoPageFactory(parent=videos).full_clean()

    def test_a_file_alone_is_valid(self, videos):
        page = factories.VideoPageFactory(
            parent=videos, video_url="", video_file=factories.DocumentFactory()
        )

        page.full_clean()

    @pytest.mark.parametrize("with_file", [False, True], ids=["neither", "both"])
    def test_exactly_one_source_is_needed(self, videos, with_file):
        page = factories.VideoPageFactory(parent=videos)
        if with_file:
            page.video_file = factories.DocumentFactory()
        else:
            page.video_url = ""

        with pytest.raises(ValidationError) as raised:
            page.full_clean()

        assert raised.value.message_dict["video_url"] == [
            "Upload a video file or give an external URL, not both."
        ]


@pytest.mark.django_db
def test_video_index_lists_live_videos_newest_first(videos, rf):
    first = factories.VideoPageFactory(
        parent=videos, first_published_at=datetime(2020, 1, 1, tzinfo=UTC)
    )
    second = factories.VideoPageFactory(parent=videos)
    factories.VideoPageFactory(parent=videos, live=False)

    context = videos.get_context(rf.get("/"))

    assert list(context["videos"]) == [second, first]


@pytest.mark.django_db
def test_video_captions_belong_to_their_video(videos):
    caption = factories.VideoCaptionFactory(page__parent=videos, language="es")

    assert list(caption.page.captions.all()) == [caption]
    assert caption.file.file.name.endswith(".vtt")


# Testimonials, navigation and settings -------------------------------------------


@pytest.mark.django_db
def test_testimonial_is_named_by_the_start_of_its_quote():
    short = factories.TestimonialFactory(quote="We learned a lot.")
    long = factories.TestimonialFactory(
        quote="one two three four five six seven eight nine ten"
    )

    assert str(short) == "“We learned a lot.”"
    assert str(long) == "“one two three four five six seven eight…”"
    assert long.get_preview_template(None, "") == "components/testimonial_preview.html"


@pytest.mark.django_db
def test_testimonials_are_translatable_snippets(locales):
    testimonial = factories.TestimonialFactory()

    spanish = testimonial.copy_for_translation(locales["es"])
    spanish.quote = "Aprendimos mucho."
    spanish.save()

    assert testimonial.get_translation(locales["es"]).quote == "Aprendimos mucho."


@pytest.mark.django_db
def test_navigation_snippets_name_their_language(locales):
    menu = factories.MainMenuFactory(name="Main menu", items__0__item__label="About")
    footer = factories.FooterFactory(name="Pie", locale=locales["es"])

    assert str(menu) == "Main menu (English)"
    assert str(footer) == "Pie (Spanish)"
    assert menu.items[0].value["label"] == "About"
    assert menu.items[0].value["children"] is not None


@pytest.mark.django_db
def test_site_settings_start_blank(home_pages):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))

    # The organisation's name is the translatable SiteIdentity snippet's.
    assert not hasattr(settings, "organisation_name")
    assert settings.contact_email == ""


@pytest.mark.django_db
def test_publication_document_and_authors_are_synchronised_not_translated():
    names = {field.field_name for field in PublicationPage.override_translatable_fields}
    video_names = {field.field_name for field in VideoPage.override_translatable_fields}

    assert names == {"authors", "document"}
    assert video_names == {"video_file", "video_url"}
