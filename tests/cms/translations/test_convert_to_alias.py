"""Only people who may publish are offered, or allowed, to turn a translation
into an alias of its English page (which replaces the translation at once)."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def editor_links(client, page) -> dict:
    """The actions wagtail-localize's translation editor offers on `page`."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    editor = soup.select_one(".js-translation-editor")
    return json.loads(editor["data-props"])["links"]


def test_the_translator_is_not_offered_convert_to_alias(client, bilingual, translator):
    client.force_login(translator)

    links = editor_links(client, bilingual.page["es"])

    assert links["convertToAliasUrl"] is None
    assert links["stopTranslationUrl"]  # the rest of the editor is unchanged


def test_a_publisher_is_still_offered_convert_to_alias(client, bilingual, admin):
    client.force_login(admin)

    links = editor_links(client, bilingual.page["es"])

    assert links["convertToAliasUrl"] == reverse(
        "wagtail_localize:convert_to_alias", args=[bilingual.page["es"].pk]
    )


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_translator_cannot_convert_their_translation(
    client, bilingual, translator, method
):
    spanish = bilingual.page["es"]
    client.force_login(translator)

    url = reverse("wagtail_localize:convert_to_alias", args=[spanish.pk])
    response = getattr(client, method)(url)

    assert response.status_code == 403
    assert Page.objects.get(pk=spanish.pk).alias_of_id is None
