"""The digest sections registry: sections in order, once per language, only for
the recipients a section answers for; an empty digest renders nothing."""

import pytest
from django.utils import translation

from learning.core.digests import (
    DigestSection,
    digest_section_register,
    digest_section_unregister,
    digest_sections,
    digest_sections_render,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

DIGEST = "tests.digest"


@pytest.fixture
def templates(settings, tmp_path):
    """Two section templates: the subject and the language they were made in."""
    folder = tmp_path / "sections"
    folder.mkdir()
    for name in ("first", "second"):
        (folder / f"{name}.html").write_text(
            f"<p>{name} {{{{ subject }}}} {{{{ made_in }}}} <b>{{{{ risky }}}}</b></p>"
        )
        (folder / f"{name}.txt").write_text(
            f"{{% autoescape off %}}{name} {{{{ risky }}}}{{% endautoescape %}}\n"
        )
    settings.TEMPLATES = [
        {**engine, "DIRS": [*engine["DIRS"], tmp_path]} for engine in settings.TEMPLATES
    ]


@pytest.fixture
def calls():
    """Register two sections (the second answers for staff only); their calls."""
    made: list[tuple[str, str, list[int]]] = []

    def context(name: str, staff_only: bool):
        def build(*, subject, users, language):
            made.append((name, language, [user.pk for user in users]))
            return {
                user.pk: {
                    "subject": subject,
                    "made_in": translation.get_language(),
                    "risky": "<i>&</i>",
                }
                for user in users
                if user.is_staff or not staff_only
            }

        return build

    digest_section_register(
        DIGEST,
        DigestSection("second", "sections/second", context("second", True), order=60),
        DigestSection("first", "sections/first", context("first", False), order=40),
    )
    yield made
    for key in ("first", "second"):
        digest_section_unregister(DIGEST, key)


def test_sections_render_in_order_in_each_readers_language(templates, calls):
    english = UserFactory(preferred_language="en", is_staff=True)
    spanish = UserFactory(preferred_language="es", is_staff=False)
    other = UserFactory(preferred_language="es", is_staff=True)

    rendered = digest_sections_render(
        digest=DIGEST,
        subject="Meeting 7",
        users=[english, spanish, other],
        language_of=lambda user: user.preferred_language,
    )

    assert [s.key for s in rendered[english.pk]] == ["first", "second"]
    assert [s.key for s in rendered[spanish.pk]] == ["first"]  # not staff
    assert "first Meeting 7 es" in rendered[spanish.pk][0].html
    assert "first Meeting 7 en" in rendered[english.pk][0].html
    # The HTML escapes what the section shows; the text does not.
    assert "&lt;i&gt;&amp;&lt;/i&gt;" in rendered[other.pk][1].html
    assert rendered[other.pk][1].text == "second <i>&</i>"
    # One call per section and language, with that language's readers.
    assert sorted(calls) == [
        ("first", "en", [english.pk]),
        ("first", "es", [spanish.pk, other.pk]),
        ("second", "en", [english.pk]),
        ("second", "es", [spanish.pk, other.pk]),
    ]


def test_a_digest_without_sections_renders_nothing(django_assert_num_queries):
    user = UserFactory()
    assert digest_sections(digest=DIGEST) == []
    with django_assert_num_queries(0):
        rendered = digest_sections_render(
            digest=DIGEST, subject=None, users=[user], language_of=str
        )
    assert rendered == {}


def test_registering_a_key_again_replaces_it(calls):
    section = digest_sections(digest=DIGEST)[0]
    digest_section_register(
        DIGEST, DigestSection("first", "sections/other", section.context, order=99)
    )
    assert [(s.key, s.template) for s in digest_sections(digest=DIGEST)] == [
        ("second", "sections/second"),
        ("first", "sections/other"),
    ]
