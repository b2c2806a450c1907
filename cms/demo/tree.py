"""The demo site's pages and snippets as specs: home, site pages, library, menus."""

from .bilingual import RichText, html, p, same
from .blocks import call_to_action, heading, paragraph
from .content import library, site
from .specs import Doc, Img, PageSpec, Ref, Rows, Snip, SnippetSpec

# --- Snippets ------------------------------------------------------------------------

SITE_IDENTITY_KEY = "site-identity"


def testimonial_specs() -> list[SnippetSpec]:
    return [
        SnippetSpec(
            f"testimonial-{number}",
            "testimonials.Testimonial",
            {"quote": quote, "role": site.TESTIMONIAL_ROLE},
        )
        for number, quote in enumerate(site.TESTIMONIALS, start=1)
    ]


def topic_specs() -> list[SnippetSpec]:
    return [
        SnippetSpec(
            topic.key, "publications.Topic", {"name": topic.name, "slug": topic.slug}
        )
        for topic in library.TOPICS
    ]


def site_identity_specs() -> list[SnippetSpec]:
    """The organisation's name, translated like the menus."""
    return [
        SnippetSpec(
            SITE_IDENTITY_KEY,
            "core.SiteIdentity",
            {"organisation_name": site.ORGANISATION_NAMES},
        )
    ]


def menu_link(key: str) -> dict:
    # No label: the menu shows the (translated) title of the page.
    return {"page": Ref(key), "url": "", "label": ""}


def navigation_specs() -> list[SnippetSpec]:
    items = [
        ("item", {**menu_link(key), "children": [menu_link(c) for c in children]})
        for key, children in site.MAIN_MENU
    ]
    links = [("link", menu_link(key)) for key in site.FOOTER_LINKS]
    return [
        SnippetSpec(
            "menu-main",
            "navigation.MainMenu",
            {"name": site.MAIN_MENU_NAME, "items": items},
        ),
        SnippetSpec(
            "menu-footer",
            "navigation.Footer",
            {"name": site.FOOTER_NAME, "text": site.FOOTER_TEXT, "links": links},
        ),
    ]


# --- Site pages ----------------------------------------------------------------------


def home_spec() -> PageSpec:
    texts = site.HOME_TEXTS
    cards = [
        ("programme-mlp", texts["card_programme"], "card-programmes"),
        ("publications", texts["card_publications"], "card-publications"),
        ("videos", texts["card_videos"], "card-videos"),
    ]
    body = [
        heading(texts["philosophy_heading"]),
        paragraph(site.HOME_PHILOSOPHY),
        call_to_action(texts["philosophy_cta"], "programme-mlp"),
        (
            "cards",
            {
                "heading": texts["cards_heading"],
                "cards": [
                    {"page": Ref(key), "text": text, "image": Img(image)}
                    for key, text, image in cards
                ],
            },
        ),
        (
            "testimonials",
            {
                "heading": texts["testimonials_heading"],
                "testimonials": [Snip(spec.key) for spec in testimonial_specs()],
            },
        ),
    ]
    return PageSpec(
        key="home",
        model="home.HomePage",
        fields={**site.HOME, "hero_image": Img("hero")},
        # The home page links to pages that live below it.
        late_fields={"hero_cta_page": Ref("programme-mlp"), "body": body},
    )


def _sections(sections) -> list:
    body = []
    for title, text in sections:
        body += [heading(title), paragraph(text)]
    return body


def _standard_page(key: str, content: dict, late_body: list | None = None) -> PageSpec:
    fields = {
        "title": content["title"],
        "slug": content["slug"],
        "introduction": content["introduction"],
    }
    body = _sections(content["sections"])
    if late_body is None:
        return PageSpec(key, "pages.StandardPage", {**fields, "body": body})
    return PageSpec(key, "pages.StandardPage", fields, {"body": body + late_body})


def contact_spec(to_address: str) -> PageSpec:
    form_fields = [
        {
            "clean_name": same(name),
            "field_type": field_type,
            "required": required,
            "label": label,
        }
        for name, field_type, required, label in site.CONTACT_FIELDS
    ]
    return PageSpec(
        "contact",
        "pages.ContactPage",
        {
            **site.CONTACT,
            "to_address": same(to_address),
            "from_address": site.NOREPLY_EMAIL,
            "form_fields": Rows("pages.ContactFormField", tuple(form_fields)),
        },
    )


def site_page_specs(contact_email: str) -> list[PageSpec]:
    """About, privacy, terms, and a contact form that writes to contact_email."""
    about_cta = [call_to_action(site.ABOUT["cta"], "contact")]
    return [
        _standard_page("about", site.ABOUT, late_body=about_cta),
        _standard_page("privacy", site.PRIVACY),
        _standard_page("terms", site.TERMS),
        contact_spec(contact_email),
    ]


# --- Publications and videos ---------------------------------------------------------


def publication_spec(publication) -> PageSpec:
    return PageSpec(
        publication.key,
        "publications.PublicationPage",
        {
            "title": publication.title,
            "slug": publication.slug,
            "document": Doc(f"{publication.key}-pdf"),
            "authors": "\n".join(publication.authors),
            "year": publication.year,
            "summary": publication.summary,
            "topic_links": Rows(
                "publications.PublicationPageTopic",
                tuple({"topic": Snip(key)} for key in publication.topics),
            ),
        },
    )


def transcript(video) -> RichText:
    return html(*(p(cue.en, cue.es) for cue in video.cues))


def video_spec(video) -> PageSpec:
    captions = tuple(
        {"language": language, "file": Doc(f"{video.key}-captions-{language}")}
        for language in ("en", "es")
    )
    return PageSpec(
        video.key,
        "videos.VideoPage",
        {
            "title": video.title,
            "slug": video.slug,
            "video_file": Doc(f"{video.key}-webm"),
            "poster_image": Img(f"{video.key}-poster"),
            "description": video.description,
            "transcript": transcript(video),
            "captions": Rows("videos.VideoCaption", captions),
        },
    )


def library_specs() -> list[PageSpec]:
    return [
        PageSpec(
            "publications",
            "publications.PublicationIndexPage",
            library.PUBLICATION_INDEX,
            children=tuple(publication_spec(pub) for pub in library.PUBLICATIONS),
        ),
        PageSpec(
            "videos",
            "videos.VideoIndexPage",
            library.VIDEO_INDEX,
            children=tuple(video_spec(video) for video in library.VIDEOS),
        ),
    ]
