"""Every page type renders in both languages with its own content and metadata."""

import re
from functools import partial

import pytest
from django.core import mail
from wagtail.images.models import Image
from wagtail.models import Site
from wagtail_factories import ImageFactory

from cms.core import views
from cms.core.models import SiteSettings
from cms.navigation.models import Footer, MainMenu
from cms.publications import models as publication_models
from cms.publications.models import PublicationPage
from cms.videos.models import VideoPage

pytestmark = pytest.mark.django_db

# (page name, language, a value only that page shows)
DISTINCTIVE = [
    ("home", "en", "Home"),
    ("home", "es", "Inicio"),
    ("standard", "en", "Who we are and why we learn together."),
    ("standard", "es", "Quiénes somos y por qué aprendemos juntos."),
    ("contact", "en", "Your message"),
    ("contact", "es", "Your message"),
    ("publication_index", "en", "Listening to families"),
    ("publication_index", "es", "Escuchar a las familias"),
    ("publication", "en", "How organisations build trust with families."),
    ("publication", "es", "Cómo las organizaciones construyen confianza."),
    ("video_index", "en", "Opening talk"),
    ("video_index", "es", "Charla de apertura"),
    ("video", "en", "Welcome everyone to the programme."),
    ("video", "es", "La charla de apertura sobre aprendizaje mutuo."),
    ("programme_index", "en", "Mutual Learning Program"),
    ("programme_index", "es", "Programa de Aprendizaje Mutuo"),
    ("programme", "en", "Attend three quarters of the sessions."),
    ("programme", "es", "Asistir a tres cuartas partes de las sesiones."),
    ("module", "en", "Listening before advising"),
    ("module", "es", "Escuchar antes de aconsejar"),
    ("session_topic", "en", "When did listening change your work?"),
    ("session_topic", "es", "¿Cuándo cambió la escucha tu trabajo?"),
]


def html_of(response):
    return response.content.decode()


@pytest.mark.parametrize(("name", "language", "text"), DISTINCTIVE)
def test_every_page_type_renders_in_both_languages(
    client, page_of, name, language, text
):
    page = page_of(name, language)

    response = client.get(page.url)

    html = html_of(response)
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert f"<title>{page.title} · " in html
    assert text in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert 'href="#main"' in html


def test_meta_description_canonical_and_open_graph(client, page_of):
    page = page_of("standard", "es")

    html = html_of(client.get(page.url))

    assert (
        '<meta name="description" content="Quiénes somos y por qué aprendemos '
        'juntos.">' in html
    )
    assert f'<link rel="canonical" href="{page.full_url}">' in html
    assert f'<meta property="og:url" content="{page.full_url}">' in html
    assert '<meta property="og:title" content="Quiénes somos">' in html
    assert '<meta property="og:locale" content="es">' in html
    assert '<meta property="og:locale:alternate" content="en">' in html


def test_search_description_wins_over_the_introduction(client, page_of):
    page = page_of("standard")
    page.search_description = "Our network in one sentence."
    page.seo_title = "About the network"
    page.save_revision().publish()

    html = html_of(client.get(page.url))

    assert '<meta name="description" content="Our network in one sentence.">' in html
    assert "<title>About the network · " in html


def test_default_social_image_is_shared_when_the_page_has_none(client, page_of):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.default_social_image = ImageFactory(title="Logo")
    site_settings.save()

    html = html_of(client.get(page_of("standard").url))

    assert re.search(r'<meta property="og:image" content="http://[^"]+\.jpg">', html)


def test_home_page_hero_links_to_the_translated_page(client, page_of):
    home = page_of("home")
    home.hero_heading = "Learning together"
    home.hero_cta_text = "See the programme"
    home.hero_cta_page = page_of("programme")
    home.save_revision().publish()
    home_es = page_of("home", "es")
    home_es.hero_heading = "Aprender juntos"
    home_es.hero_cta_text = "Ver el programa"
    home_es.hero_cta_page = page_of("programme")  # as wagtail-localize leaves it
    home_es.save_revision().publish()

    html = html_of(client.get("/es/"))

    assert '<h1 class="hero__title">Aprender juntos</h1>' in html
    assert f'href="{page_of("programme", "es").url}">Ver el programa</a>' in html


def test_cards_and_testimonials_blocks_show_localized_content(client, page_of, locales):
    from cms.testimonials.models import Testimonial

    said = Testimonial.objects.create(
        quote="It changed our practice.", person_name="Ana", locale=locales["en"]
    )
    said_es = said.copy_for_translation(locales["es"])
    said_es.quote = "Cambió nuestra práctica."
    said_es.save()
    home_es = page_of("home", "es")
    home_es.body = [
        ("cards", {"heading": "Explorar", "cards": [{"page": page_of("programme")}]}),
        ("testimonials", {"heading": "Opiniones", "testimonials": [said]}),
    ]
    home_es.save_revision().publish()

    html = html_of(client.get("/es/"))

    programme_es = page_of("programme", "es")
    assert f'href="{programme_es.url}">{programme_es.title}</a>' in html
    assert "Cambió nuestra práctica." in html
    assert "It changed our practice." not in html


def test_image_block_alt_text_falls_back_to_the_image_title(client, page_of):
    image = ImageFactory(title="Families at a workshop")
    page = page_of("standard")
    page.body = [
        ("image", {"image": image, "alt_text": "", "caption": ""}),
        ("image", {"image": image, "alt_text": "Two people talking", "caption": ""}),
    ]
    page.save_revision().publish()

    html = html_of(client.get(page.url))

    assert 'alt="Families at a workshop"' in html
    assert 'alt="Two people talking"' in html
    assert Image.objects.count() == 1


def test_main_menu_of_the_active_language_links_to_translations(
    client, page_of, locales
):
    MainMenu.objects.create(
        name="Main",
        locale=locales["en"],
        live=True,
        items=[("item", {"page": page_of("programme"), "label": "", "children": []})],
    )

    html = html_of(client.get(page_of("standard", "es").url))

    programme_es = page_of("programme", "es")
    assert f'href="{programme_es.url}">{programme_es.title}</a>' in html


def test_main_menu_marks_the_current_page(client, page_of, locales):
    MainMenu.objects.create(
        name="Menú",
        locale=locales["es"],
        live=True,
        items=[("item", {"page": page_of("standard", "es"), "label": "Nosotros"})],
    )

    html = html_of(client.get(page_of("standard", "es").url))

    url = page_of("standard", "es").url
    assert f'href="{url}" aria-current="page">Nosotros</a>' in html


def test_footer_of_the_active_language(client, page_of, locales):
    Footer.objects.create(
        name="Pie", locale=locales["es"], live=True, text="<p>Una red que aprende.</p>"
    )
    Footer.objects.create(
        name="Footer",
        locale=locales["en"],
        live=True,
        text="<p>A learning network.</p>",
    )

    assert "Una red que aprende." in html_of(client.get("/es/"))
    assert "A learning network." in html_of(client.get("/en/"))


def test_programme_page_lists_its_modules(client, page_of):
    html = html_of(client.get(page_of("programme").url))

    assert "Module 1" in html
    assert "Collaborative practices" in html
    assert "4 sessions" in html
    assert "8 weeks" in html
    assert "Required first" in html
    assert "English, Spanish" in html


def test_module_page_lists_session_topics_with_sub_topics(client, page_of):
    html = html_of(client.get(page_of("module", "es").url))

    assert "Escuchar antes de aconsejar" in html
    assert "<li>Escucha activa</li>" in html


def test_session_topic_materials_link_to_pages_in_the_same_language(
    client, page_of, bilingual_site
):
    html = html_of(client.get(page_of("session_topic", "es").url))

    for name in ("publication", "video"):
        translation = page_of(name, "es")
        assert f'href="{translation.url}">{translation.title}</a>' in html
    assert 'href="https://example.com/slides"' in html
    assert bilingual_site.documents["pdf"].url in html
    assert "Read chapter 2" in html


def test_video_page_plays_the_file_with_caption_tracks(client, page_of, bilingual_site):
    html = html_of(client.get(page_of("video").url))

    assert "<video" in html
    assert "controls" in html
    assert f'<source src="{bilingual_site.documents["mp4"].url}"' in html
    assert (
        f'<track kind="captions" src="{bilingual_site.documents["vtt"].url}" '
        'srclang="es" label="Español"' in html
    )


def test_video_page_with_an_external_url_always_shows_a_plain_link(client, page_of):
    video = page_of("video_index").add_child(
        instance=VideoPage(
            title="Highlights", slug="highlights", video_url="https://example.com/v/1"
        )
    )

    html = html_of(client.get(video.url))

    assert "<video" not in html
    assert 'href="https://example.com/v/1"' in html


def test_publication_page_shows_authors_year_topic_and_download(
    client, page_of, bilingual_site
):
    html = html_of(client.get(page_of("publication", "es").url))

    assert "Ana Pérez" in html
    assert "2024" in html
    assert "Participación familiar" in html
    assert bilingual_site.documents["pdf"].url in html


def test_publication_index_filters_by_year_and_topic(client, page_of):
    index = page_of("publication_index")
    index.add_child(
        instance=PublicationPage(title="An older study", slug="older", year=2019)
    )

    by_year = html_of(client.get(index.url, {"year": "2019"}))
    by_topic = html_of(client.get(index.url, {"topic": "family"}))

    assert "An older study" in by_year
    assert "Listening to families" not in by_year
    assert '<option value="2019" selected>' in by_year
    assert "Listening to families" in by_topic
    assert "An older study" not in by_topic


def test_publication_index_pagination_keeps_the_filters(client, page_of, monkeypatch):
    index = page_of("publication_index")
    for number in range(2):
        index.add_child(
            instance=PublicationPage(
                title=f"Study {number}", slug=f"s{number}", year=2019
            )
        )
    monkeypatch.setattr(
        publication_models, "paginate", partial(publication_models.paginate, per_page=1)
    )

    html = html_of(client.get(index.url, {"year": "2019"}))

    assert 'href="?year=2019&amp;page=2"' in html


def test_contact_form_shows_labels_and_errors_then_thanks(client, page_of):
    page = page_of("contact")

    form = html_of(client.get(page.url))
    invalid = client.post(page.url, {})
    sent = client.post(page.url, {"your_message": "Hello there"})

    assert "csrfmiddlewaretoken" in form
    assert re.search(r'<label for="id_your_message">Your message', form)
    assert invalid.status_code == 200
    assert 'aria-invalid="true"' in html_of(invalid)
    assert "Thanks, we got your message." in html_of(sent)
    assert len(mail.outbox) == 1


def test_404_page_is_in_the_language_of_the_address(client, page_of):
    response = client.get("/es/no-such-page/")

    html = html_of(response)
    assert response.status_code == 404
    assert '<html lang="es"' in html
    assert 'href="/es/"' in html


def test_500_page_needs_no_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = views.server_error(rf.get("/en/"))

    assert response.status_code == 500
    assert b"<html lang=" in response.content


def test_without_a_main_menu_the_home_pages_menu_children_are_shown(client, page_of):
    page = page_of("standard", "es")
    page.show_in_menus = True
    page.save_revision().publish()

    html = client.get("/es/").content.decode()

    menu = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert f'href="{page.url}">Quiénes somos</a>' in menu
    assert "Only in English" not in menu


def test_testimonial_preview_shows_the_quote(rf, page_of, locales):
    from cms.testimonials.models import Testimonial

    testimonial = Testimonial(
        quote="We learnt so much.", person_name="Ana", locale=locales["en"]
    )
    testimonial.save()

    response = testimonial.serve_preview(rf.get("/admin/"), "")
    response.render()

    html = response.content.decode()
    assert "We learnt so much." in html
    assert "Ana" in html
