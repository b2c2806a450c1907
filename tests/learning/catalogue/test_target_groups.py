"""A programme's objectives and target groups: structured, translatable, and each
target group known by the same id in every language."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.selectors import (
    programme_target_group_get,
    programme_target_groups,
)
from tests.factories import ProgrammeIndexPageFactory
from tests.factories.catalogue import ProgrammePageFactory

pytestmark = pytest.mark.django_db

GROUPS = {
    "Local government officials": "Funcionarios de gobiernos locales",
    "Heads of Migration Resource Centers": "Responsables de centros de migración",
}


@pytest.fixture
def seminar(home_pages):
    index = ProgrammeIndexPageFactory(parent=home_pages["en"])
    return ProgrammePageFactory(
        parent=index,
        programme_format=ProgrammeFormat.SEMINAR,
        objectives_intro="At the end of the seminar, participants will be able to:",
        objectives=[("objective", "Introduce dialogue technique.")],
        target_groups_intro="The seminar is designed for:",
        target_groups=[("target_group", name) for name in GROUPS],
    )


def translate(page: Page, locale, strings: dict[str, str]) -> Page:
    """Translate `page` as an editor does in wagtail-localize, then publish it."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    ):
        if segment.string.data in strings:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=strings[segment.string.data],
            )
    # Saved as a draft and published here: the library publishes on commit.
    translation.save_target(publish=False)
    target = page.get_translation(locale)
    target.get_latest_revision().publish()
    return type(page).objects.get(pk=target.pk)


def test_a_wagtail_localize_translation_keeps_each_target_groups_id(seminar, locales):
    spanish = translate(seminar, locales["es"], GROUPS)

    assert [b.id for b in spanish.target_groups] == [
        b.id for b in seminar.target_groups
    ]
    assert [b.value for b in spanish.target_groups] == list(GROUPS.values())


def test_target_groups_read_from_a_translation_have_the_sources_ids(seminar, locales):
    spanish = translate(seminar, locales["es"], GROUPS)

    groups = programme_target_groups(programme=spanish)

    assert [g.id for g in groups] == [b.id for b in seminar.target_groups]
    assert [g.name for g in groups] == list(GROUPS.values())


def test_a_group_the_translation_lacks_is_offered_in_the_sources_words(
    seminar, locales
):
    spanish = translate(seminar, locales["es"], GROUPS)
    # The source gains a group after its translation was made.
    seminar.target_groups.append(("target_group", "Diaspora associations"))
    seminar.save_revision().publish()

    groups = programme_target_groups(programme=spanish)

    assert [g.name for g in groups] == [*GROUPS.values(), "Diaspora associations"]


def test_a_group_is_found_by_its_id_in_any_language(seminar, locales):
    spanish = translate(seminar, locales["es"], GROUPS)
    group_id = seminar.target_groups[1].id

    group = programme_target_group_get(programme=spanish, group_id=group_id)

    assert group.name == "Responsables de centros de migración"


def test_an_unknown_group_id_is_refused_with_a_stable_code(seminar):
    with pytest.raises(ValidationError) as error:
        programme_target_group_get(programme=seminar, group_id="not-a-group")

    assert error.value.code == "unknown_target_group"


def test_objectives_and_groups_are_translated_strings(seminar, locales):
    source, _created = TranslationSource.get_or_create_from_instance(seminar)
    paths = set(
        StringSegment.objects.filter(source=source).values_list(
            "context__path", flat=True
        )
    )

    assert "objectives_intro" in paths
    assert "target_groups_intro" in paths
    for block in seminar.target_groups:
        assert f"target_groups.{block.id}" in paths
    assert f"objectives.{seminar.objectives[0].id}" in paths
