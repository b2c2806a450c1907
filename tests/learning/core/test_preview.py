"""Headless preview tokens: bound to one revision of one page in one locale,
valid for HEADLESS_PREVIEW_MINUTES, unforgeable; the preview mode appears only
when the site names an external frontend."""

from datetime import timedelta

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone

from learning.core.preview import (
    MODE,
    SALT,
    preview_revision_object,
    preview_token_make,
    preview_token_read,
    preview_url,
)
from tests.factories import ModulePageFactory

pytestmark = pytest.mark.django_db

FRONTEND = "http://frontend.example/preview/?api=http://cms.example"


@pytest.fixture
def draft(home_pages):
    """A live module with a newer draft revision that changes its title."""
    module = ModulePageFactory(parent=home_pages["en"], title="Published title")
    module.title = "Draft title"
    revision = module.save_revision()
    return module, revision


def _code(call) -> str:
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.code


def test_a_token_reads_back_as_its_revision_page_and_locale(draft):
    module, revision = draft

    claim = preview_token_read(token=preview_token_make(revision=revision))

    assert (claim.revision_id, claim.page_id, claim.language_code) == (
        revision.pk,
        module.pk,
        "en",
    )
    assert preview_revision_object(claim=claim).title == "Draft title"


def test_a_token_expires_after_the_setting_minutes(draft, settings, time_machine):
    settings.LEARNING_HEADLESS_PREVIEW_MINUTES = 5
    time_machine.move_to(timezone.now(), tick=False)
    token = preview_token_make(revision=draft[1])

    time_machine.shift(timedelta(minutes=4))
    assert preview_token_read(token=token).revision_id == draft[1].pk
    time_machine.shift(timedelta(minutes=2))
    assert _code(lambda: preview_token_read(token=token)) == "preview_token_expired"


def test_a_tampered_or_foreign_token_is_invalid(draft):
    token = preview_token_make(revision=draft[1])
    other = {"r": draft[1].pk + 1, "p": draft[0].pk, "l": "en"}
    tampered = signing.dumps(other, salt=SALT).split(":")[0] + token[token.index(":") :]
    foreign = signing.dumps(other, salt="another.purpose")

    for bad in (tampered, foreign, token[:-2], "", "not-a-token"):
        assert _code(lambda bad=bad: preview_token_read(token=bad)) == (
            "preview_token_invalid"
        ), bad


def test_a_claim_of_another_page_or_locale_is_unknown(draft, home_pages):
    revision = draft[1]
    other_page = ModulePageFactory(parent=home_pages["en"], title="Another")
    claim = preview_token_read(token=preview_token_make(revision=revision))

    for changed in (
        {"page_id": other_page.pk},
        {"language_code": "es"},
        {"revision_id": revision.pk + 1000},
    ):
        forged = type(claim)(**{**claim.__dict__, **changed})
        assert _code(lambda forged=forged: preview_revision_object(claim=forged)) == (
            "preview_revision_unknown"
        ), changed


def test_a_deleted_page_leaves_its_tokens_unknown(draft):
    module, revision = draft
    claim = preview_token_read(token=preview_token_make(revision=revision))
    module.delete()

    assert _code(lambda: preview_revision_object(claim=claim)) == (
        "preview_revision_unknown"
    )


def test_preview_url_keeps_the_frontends_query():
    assert preview_url(base_url=FRONTEND, token="abc:def") == (
        "http://frontend.example/preview/?api=http%3A%2F%2Fcms.example&token=abc%3Adef"
    )


def test_the_external_mode_appears_only_when_a_frontend_is_set(draft, settings):
    module = draft[0]
    settings.LEARNING_HEADLESS_PREVIEW_URL = ""
    assert [mode for mode, _label in module.preview_modes] == [""]

    settings.LEARNING_HEADLESS_PREVIEW_URL = FRONTEND
    assert [mode for mode, _label in module.preview_modes] == ["", MODE]
