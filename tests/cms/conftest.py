"""A small bilingual site with one page of every type, for the rendering tests."""

from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, Site

from cms.home.models import HomePage
from cms.pages.models import ContactFormField, ContactPage, StandardPage
from cms.publications.models import (
    PublicationIndexPage,
    PublicationPage,
    PublicationPageTopic,
    Topic,
)
from cms.videos.models import VideoCaption, VideoIndexPage, VideoPage
from learning.catalogue.models import (
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    SessionTopicPage,
)
from tests.indexing import without_indexing


def translate(page, locale, **fields):
    """Publish a translation of `page` in `locale` with some fields changed."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


@dataclass
class BilingualSite:
    """Pages by name, each as {"en": page, "es": page}; `es` missing if untranslated."""

    home: dict
    pages: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)

    def __getitem__(self, name):
        return self.pages[name]


def document(title, name, content):
    return Document.objects.create(title=title, file=ContentFile(content, name=name))


@pytest.fixture(scope="module")
def bilingual_site(django_db_setup, django_db_blocker):
    """Every page type in English and Spanish, plus one English-only page.

    Built once per test module inside a transaction that is rolled back after the
    module (as Django's setUpTestData does); each test runs in a savepoint of it,
    so changes a test makes are undone. Use `page_of` to read the pages.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with without_indexing():
                yield build_bilingual_site(*bilingual_roots())
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()  # Wagtail caches site root paths


def bilingual_roots():
    """Locales and home pages as the `locales` and `home_pages` fixtures make them."""
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("en", "es")
    }
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    en_home = root.add_child(
        instance=HomePage(title="Home", slug="home", locale=locales["en"])
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": en_home},
    )
    es_home = translate(en_home, locales["es"], title="Inicio")
    return {"en": en_home, "es": es_home}, locales


def build_bilingual_site(home_pages, locales):
    en, es = locales["en"], locales["es"]
    home = home_pages["en"]
    site = BilingualSite(home=home_pages)

    def add(name, parent, page, **spanish):
        parent.add_child(instance=page)
        site.pages[name] = {"en": page}
        if spanish:
            site.pages[name]["es"] = translate(page, es, **spanish)
        return page

    add(
        "standard",
        home,
        StandardPage(
            title="About us",
            slug="about",
            introduction="Who we are and why we learn together.",
            body=[("paragraph", "<p>We started as a network of organisations.</p>")],
        ),
        title="Quiénes somos",
        introduction="Quiénes somos y por qué aprendemos juntos.",
    )
    add(
        "english_only",
        home,
        StandardPage(title="Only in English", slug="only-english"),
    )

    contact = ContactPage(
        title="Contact",
        slug="contact",
        introduction="<p>Write to us any time.</p>",
        thank_you_text="<p>Thanks, we got your message.</p>",
        to_address="team@example.com",
        from_address="noreply@example.com",
        subject="Contact",
    )
    contact.form_fields.add(
        ContactFormField(
            label="Your message", field_type="multiline", required=True, locale=en
        )
    )
    add("contact", home, contact, title="Contacto")

    topic = Topic.objects.create(name="Family engagement", slug="family", locale=en)
    topic_es = topic.copy_for_translation(es)
    topic_es.name, topic_es.slug = "Participación familiar", "familia"
    topic_es.save()
    site.topics = {"en": topic, "es": topic_es}

    site.documents["pdf"] = document("Guide", "guide.pdf", b"%PDF-1.4")
    publications = add(
        "publication_index",
        home,
        PublicationIndexPage(
            title="Publications", slug="publications", introduction="Guides."
        ),
        title="Publicaciones",
    )
    publication = PublicationPage(
        title="Listening to families",
        slug="listening",
        year=2024,
        authors="Ana Pérez\nJohn Smith",
        summary="<p>How organisations build trust with families.</p>",
        document=site.documents["pdf"],
    )
    publication.topic_links.add(PublicationPageTopic(topic=topic))
    add(
        "publication",
        publications,
        publication,
        title="Escuchar a las familias",
        summary="<p>Cómo las organizaciones construyen confianza.</p>",
    )

    videos = add(
        "video_index",
        home,
        VideoIndexPage(title="Videos", slug="videos", introduction="Talks."),
        title="Vídeos",
    )
    site.documents["mp4"] = document("Talk", "talk.mp4", b"\x00\x00\x00\x18ftyp")
    site.documents["vtt"] = document("Captions", "talk-es.vtt", b"WEBVTT\n")
    video = VideoPage(
        title="Opening talk",
        slug="opening-talk",
        video_file=site.documents["mp4"],
        duration_minutes=24,
        description="The opening talk on mutual learning.",
        transcript="<p>Welcome everyone to the programme.</p>",
    )
    video.captions.add(VideoCaption(language="es", file=site.documents["vtt"]))
    add(
        "video",
        videos,
        video,
        title="Charla de apertura",
        description="La charla de apertura sobre aprendizaje mutuo.",
    )

    programmes = add(
        "programme_index",
        home,
        ProgrammeIndexPage(
            title="Programmes", slug="programmes", introduction="What we offer."
        ),
        title="Programas",
    )
    programme = add(
        "programme",
        programmes,
        ProgrammePage(
            title="Mutual Learning Program",
            slug="mlp",
            introduction="Twelve online sessions over six months.",
            languages=["en", "es"],
            philosophy=[("paragraph", "<p>Practitioners learn from each other.</p>")],
            certificate_rule="Attend three quarters of the sessions.",
        ),
        title="Programa de Aprendizaje Mutuo",
        introduction="Doce sesiones en línea durante seis meses.",
        certificate_rule="Asistir a tres cuartas partes de las sesiones.",
    )
    module = add(
        "module",
        programme,
        ModulePage(
            title="Collaborative practices",
            slug="collaborative",
            module_number=1,
            number_of_sessions=4,
            duration_weeks=8,
            is_required_first=True,
            introduction="How we listen and talk with families.",
        ),
        title="Prácticas colaborativas",
        introduction="Cómo escuchamos y hablamos con las familias.",
    )
    add(
        "session_topic",
        module,
        SessionTopicPage(
            title="Listening before advising",
            slug="listening",
            summary="Starting a conversation by listening.",
            sub_topics=[("sub_topic", "Active listening")],
            materials=[
                ("page", {"page": publication, "note": "Read chapter 2"}),
                ("page", {"page": video, "note": ""}),
                (
                    "presentation",
                    {
                        "title": "Session slides",
                        "url": "https://example.com/slides",
                        "description": "",
                    },
                ),
                ("document", {"document": site.documents["pdf"], "title": "Worksheet"}),
            ],
            forum_questions=[("question", "When did listening change your work?")],
        ),
        title="Escuchar antes de aconsejar",
        summary="Empezar una conversación escuchando.",
        sub_topics=[("sub_topic", "Escucha activa")],
        forum_questions=[("question", "¿Cuándo cambió la escucha tu trabajo?")],
    )
    return site


@pytest.fixture
def page_of(bilingual_site, db):
    """`page_of("module", "es")`: a page of the bilingual site, fresh from the
    database (tests change pages; the module's objects must stay untouched)."""

    def get(name, language="en"):
        pages = bilingual_site.home if name == "home" else bilingual_site[name]
        return Page.objects.get(pk=pages[language].pk).specific

    return get
