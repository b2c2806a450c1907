"""Programme, module and session-topic pages: their queries and fields."""

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from learning.catalogue.fields import LanguageListField, delivery_language_choices
from learning.catalogue.models import ProgrammePage, time_zone_choices
from tests import factories


@pytest.fixture
def programme(home_pages):
    return factories.ProgrammePageFactory(parent__parent=home_pages["en"])


@pytest.mark.django_db
def test_programme_modules_are_live_and_in_module_order(programme):
    third = factories.ModulePageFactory(parent=programme, module_number=3)
    first = factories.ModulePageFactory(parent=programme, module_number=1)
    draft = factories.ModulePageFactory(parent=programme, module_number=2, live=False)

    modules = list(programme.modules)

    assert modules == [first, third]
    assert draft not in modules


@pytest.mark.django_db
def test_module_session_topics_are_live_and_in_tree_order(programme):
    module = factories.ModulePageFactory(parent=programme)
    first = factories.SessionTopicPageFactory(parent=module, title="B first")
    second = factories.SessionTopicPageFactory(parent=module, title="A second")
    factories.SessionTopicPageFactory(parent=module, live=False)

    assert list(module.session_topics) == [first, second]


@pytest.mark.django_db
def test_programme_index_lists_its_live_programmes(home_pages, rf: RequestFactory):
    index = factories.ProgrammeIndexPageFactory(parent=home_pages["en"])
    programme = factories.ProgrammePageFactory(parent=index)
    factories.ProgrammePageFactory(parent=index, live=False)
    factories.ProgrammePageFactory(parent__parent=home_pages["en"])  # elsewhere

    context = index.get_context(rf.get("/en/programmes/"))

    assert list(context["programmes"]) == [programme]
    assert isinstance(context["programmes"][0], ProgrammePage)


@pytest.mark.django_db
def test_the_certificate_threshold_is_a_percentage(programme):
    programme.certificate_attendance_threshold = 101

    with pytest.raises(ValidationError) as raised:
        programme.full_clean()

    assert "certificate_attendance_threshold" in raised.value.error_dict


def test_time_zone_choices_are_sorted_iana_names():
    names = [name for name, _label in time_zone_choices()]

    assert names == sorted(names)
    assert {"UTC", "America/Bogota", "Europe/Madrid"} <= set(names)


class TestLanguageListField:
    def field(self, **kwargs):
        field = LanguageListField("languages", **kwargs)
        field.set_attributes_from_name("languages")
        return field

    def test_known_codes_are_valid(self):
        self.field().validate(["en", "es", "fr"], None)

    def test_unknown_codes_are_named_in_the_error(self):
        with pytest.raises(ValidationError) as raised:
            self.field().validate(["en", "xx", "yy"], None)

        assert raised.value.code == "unknown_language"
        assert "xx, yy" in raised.value.messages[0]

    def test_defaults_to_an_empty_list(self):
        assert self.field(blank=True).get_default() == []

    def test_is_edited_as_checkboxes_of_delivery_languages(self):
        form_field = self.field(blank=True).formfield()

        assert form_field.widget.input_type == "checkbox"
        assert not form_field.required
        assert [code for code, _ in form_field.choices] == [
            code for code, _ in delivery_language_choices()
        ]

    def test_delivery_languages_reach_beyond_the_site_languages(self, settings):
        assert {"fr", "pt"} <= {code for code, _ in delivery_language_choices()}
        del settings.LEARNING_DELIVERY_LANGUAGES

        assert delivery_language_choices() == settings.LANGUAGES


@pytest.mark.django_db
def test_programme_languages_round_trip(programme):
    programme.languages = ["es", "fr"]
    programme.save()

    assert ProgrammePage.objects.get(pk=programme.pk).languages == ["es", "fr"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_programmes_can_be_filtered_by_language_on_postgresql(home_pages):
    # JSON containment is a PostgreSQL lookup (SQLite has no `contains` on JSON).
    index = factories.ProgrammeIndexPageFactory(parent=home_pages["en"])
    spanish = factories.ProgrammePageFactory(parent=index, languages=["en", "es"])
    factories.ProgrammePageFactory(parent=index, languages=["en", "fr"])

    found = ProgrammePage.objects.filter(languages__contains=["es"])

    assert list(found) == [spanish]
