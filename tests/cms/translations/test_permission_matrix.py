"""Who may do what to English and Spanish pages and snippets in the admin.

Modelled on Wagtail's advisories (GHSA-jm5p-837g-rv8g, CVE-2026-54262,
CVE-2026-44197, CVE-2026-44198, CVE-2026-44200): a role acting on content it may not
edit is refused, and no revision is written.
"""

import pytest
from django.urls import reverse
from wagtail.models import Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation

SNIPPET = "wagtailsnippets_testimonials_testimonial"


def page_routes(page):
    """name -> (method, url, data). POSTs are the real attacks."""
    pk, parent = page.pk, page.get_parent().pk
    form = {"title": "Changed", "slug": page.slug, "body-count": "0"}
    return {
        "edit": ("get", reverse("wagtailadmin_pages:edit", args=[pk]), None),
        "save": ("post", reverse("wagtailadmin_pages:edit", args=[pk]), form),
        "publish": (
            "post",
            reverse("wagtailadmin_pages:edit", args=[pk]),
            {**form, "action-publish": "publish", "action": "publish"},
        ),
        "preview_with_data": (
            "post",
            reverse("wagtailadmin_pages:preview_on_edit", args=[pk]),
            form,
        ),
        "compare": (
            "get",
            reverse(
                "wagtailadmin_pages:revisions_compare", args=[pk, "earliest", "latest"]
            ),
            None,
        ),
        "delete": ("post", reverse("wagtailadmin_pages:delete", args=[pk]), {}),
        "unpublish": ("post", reverse("wagtailadmin_pages:unpublish", args=[pk]), {}),
        "move": (
            "post",
            reverse("wagtailadmin_pages:move_confirm", args=[pk, parent]),
            {},
        ),
        "copy": (
            "post",
            reverse("wagtailadmin_pages:copy", args=[pk]),
            {"new_title": "Copy", "new_slug": "copy", "new_parent_page": parent},
        ),
        "submit_translation": (
            "post",
            reverse("wagtail_localize:submit_page_translation", args=[pk]),
            {"locales": []},
        ),
    }


def snippet_routes(snippet):
    pk = snippet.pk
    form = {"quote": "Changed", "person_name": "Ana"}
    return {
        "edit": ("get", reverse(f"{SNIPPET}:edit", args=[pk]), None),
        "save": ("post", reverse(f"{SNIPPET}:edit", args=[pk]), form),
        "publish": (
            "post",
            reverse(f"{SNIPPET}:edit", args=[pk]),
            {**form, "action-publish": "publish", "action": "publish"},
        ),
        "preview_with_data": (
            "post",
            reverse(f"{SNIPPET}:preview_on_edit", args=[pk]),
            form,
        ),
        "compare": (
            "get",
            reverse(f"{SNIPPET}:revisions_compare", args=[pk, "earliest", "latest"]),
            None,
        ),
        "delete": ("post", reverse(f"{SNIPPET}:delete", args=[pk]), {}),
        "copy": ("get", reverse(f"{SNIPPET}:copy", args=[pk]), None),
        "add_in_language": (
            "post",
            reverse(f"{SNIPPET}:add") + f"?locale={snippet.locale.language_code}",
            form,
        ),
        "submit_translation": (
            "post",
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=["testimonials", "testimonial", pk],
            ),
            {"locales": []},
        ),
    }


# (role, language) -> routes the role may use; every other route is refused.
EDITING = {"edit", "save", "preview_with_data", "compare", "copy"}
PUBLISHING = {"publish", "unpublish", "delete", "move"}
PAGE_ALLOWED = {
    ("translator", "en"): set(),
    ("translator", "es"): EDITING,
    # Wagtail's Editors group: add and change, no publish.
    ("editor", "en"): EDITING | {"submit_translation"},
    # As a Spanish reviewer, the editor may also publish Spanish pages.
    ("editor", "es"): EDITING | PUBLISHING | {"submit_translation"},
}
SNIPPET_EVERYTHING = {
    "edit",
    "save",
    "publish",
    "preview_with_data",
    "compare",
    "copy",
    "delete",
    "add_in_language",
    "submit_translation",
}
SNIPPET_ALLOWED = {
    ("translator", "en"): set(),
    ("translator", "es"): {
        "edit",
        "save",
        "preview_with_data",
        "compare",
        "add_in_language",
    },
    ("editor", "en"): SNIPPET_EVERYTHING,
    ("editor", "es"): SNIPPET_EVERYTHING,
}
# Actions that would pass and change data: checked with GET for allowed roles.
DESTRUCTIVE = {"delete", "unpublish", "move", "copy", "add_in_language"}


def refused(response) -> bool:
    if response.status_code == 403:
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and location.rstrip("/").endswith("/admin")


def outcomes(client, routes, allowed, obj):
    """{route: "allowed"/"refused"}, and the routes that wrote a revision when refused.

    "publish" of an untranslated object is allowed when the live object changed:
    without the permission, Wagtail's edit view saves a draft instead (a "save",
    checked on its own).
    """
    results, leaks = {}, []
    for name, (method, url, data) in routes.items():
        if name in allowed and name in DESTRUCTIVE:
            method, data = "get", None
        before = Revision.objects.count()
        response = getattr(client, method)(url, data)
        if name == "publish" and not is_localize_target(obj):
            results[name] = "allowed" if went_live(obj) else "refused"
            if "save" in allowed:
                continue
        else:
            results[name] = "refused" if refused(response) else "allowed"
        if results[name] == "refused" and Revision.objects.count() != before:
            leaks.append(name)
    return results, leaks


def is_localize_target(obj) -> bool:
    """Translated objects are edited in wagtail-localize's editor, which publishes
    (action=publish) or refuses with PermissionDenied."""
    return Translation.objects.filter(
        source__object_id=obj.translation_key, target_locale=obj.locale_id
    ).exists()


def went_live(obj) -> bool:
    live = type(obj)._default_manager.get(pk=obj.pk)
    text = getattr(live, "quote", None) or getattr(live, "title", "")
    return text == "Changed"


def expected(routes, allowed):
    return {name: "allowed" if name in allowed else "refused" for name in routes}


@pytest.mark.parametrize("role", ["translator", "editor"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_page_permission_matrix(client, bilingual, translator, editor, role, language):
    client.force_login({"translator": translator, "editor": editor}[role])
    routes = page_routes(bilingual.page[language])

    page = bilingual.page[language]
    results, leaks = outcomes(client, routes, PAGE_ALLOWED[(role, language)], page)

    assert results == expected(routes, PAGE_ALLOWED[(role, language)])
    assert leaks == []


@pytest.mark.parametrize("role", ["translator", "editor"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_snippet_permission_matrix(
    client, bilingual, translator, editor, role, language
):
    client.force_login({"translator": translator, "editor": editor}[role])
    routes = snippet_routes(bilingual.snippet[language])

    snippet = bilingual.snippet[language]
    results, leaks = outcomes(
        client, routes, SNIPPET_ALLOWED[(role, language)], snippet
    )

    assert results == expected(routes, SNIPPET_ALLOWED[(role, language)])
    assert leaks == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_admin_may_use_every_route(client, bilingual, admin, language):
    client.force_login(admin)
    routes = {
        **{f"page:{k}": v for k, v in page_routes(bilingual.page[language]).items()},
        **{
            f"snippet:{k}": v
            for k, v in snippet_routes(bilingual.snippet[language]).items()
        },
    }
    everything = set(routes) | {f"page:{d}" for d in DESTRUCTIVE}
    results, _leaks = outcomes(
        client,
        {k: v for k, v in routes.items() if k.split(":")[1] not in DESTRUCTIVE},
        everything,
        bilingual.page[language],
    )
    del results["snippet:publish"]  # went_live looks at the page only

    assert set(results.values()) == {"allowed"}


def test_publish_refused_writes_nothing_live(client, bilingual, translator):
    """The translator's "publish" of the Spanish page saves at most a draft."""
    client.force_login(translator)
    page = bilingual.page["es"]
    routes = page_routes(page)
    _method, url, data = routes["publish"]

    client.post(url, data)

    page.refresh_from_db()
    assert page.title == "Quiénes somos"


@pytest.mark.parametrize("language", ["en", "es"])
def test_translator_string_edits_follow_the_language(
    client, bilingual, translator, locales, language
):
    """wagtail-localize's string API: only translations into the translator's
    language; an English target (a Spanish-sourced snippet) is refused."""
    client.force_login(translator)
    translation = bilingual.translations["snippet"]
    if language == "en":
        translation.target_locale = locales["en"]  # pretend English is the target
        translation.save()
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=[translation.pk, segment.pk],
    )

    response = client.put(
        url, "value=Nuevo+texto", content_type="application/x-www-form-urlencoded"
    )

    saved = StringTranslation.objects.filter(data="Nuevo texto").exists()
    if language == "es":
        assert response.status_code == 200
        assert saved
    else:
        assert response.status_code == 403
        assert not saved
