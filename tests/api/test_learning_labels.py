"""The learning API names untitled editions and information sessions in the
language the caller asks for (Accept-Language)."""

from datetime import date

import pytest

from tests.factories.learning import EditionFactory, InfoSessionFactory


@pytest.mark.parametrize(
    ("language", "month"), [("en", "February 2031"), ("es", "febrero de 2031")]
)
def test_an_untitled_edition_is_its_start_month(world, api, language, month):
    edition = EditionFactory(
        programme=world.tree.programme,
        title="",
        starts_on=date(2031, 2, 3),
        ends_on=date(2031, 6, 30),
    )

    body = api.get(
        f"/api/v1/editions/{edition.pk}/", HTTP_ACCEPT_LANGUAGE=language
    ).json()

    assert body["title"] == month


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Information session"), ("es", "Sesión informativa")]
)
def test_an_untitled_information_session_has_a_name(world, api, language, name):
    session = InfoSessionFactory(programme=world.tree.programme, title="")

    body = api.get(
        f"/api/v1/info-sessions/{session.pk}/", HTTP_ACCEPT_LANGUAGE=language
    ).json()

    assert body["title"] == name
