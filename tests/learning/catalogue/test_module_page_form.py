"""One module per programme is taken first: the admin form refuses a second one."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from learning.catalogue.models import ModulePage
from tests import factories
from tests.wagtail_admin import PageAdmin, form_errors

REFUSAL = "Another module of this programme is already required first."


def module_form_data(title, *, number, required_first):
    data = {
        "title": title,
        "module_number": str(number),
        "number_of_sessions": "3",
        "duration_weeks": "",
        "introduction": "",
        "body": streamfield([]),
    }
    if required_first:
        data["is_required_first"] = "on"
    return nested_form_data(data)


def edit_form_data(module, *, required_first):
    data = module_form_data(
        module.title, number=module.module_number, required_first=required_first
    )
    data["slug"] = module.slug
    return data


@pytest.fixture
def programme(home_pages):
    return factories.ProgrammePageFactory(parent__parent=home_pages["en"])


@pytest.fixture
def module_one(programme):
    return factories.ModulePageFactory(
        parent=programme, title="Module 1", module_number=1, is_required_first=True
    )


@pytest.fixture
def admin(superuser_client):
    return PageAdmin(superuser_client)


@pytest.mark.django_db
def test_a_programme_gets_its_first_required_module(admin, programme):
    data = module_form_data("Module 1", number=1, required_first=True)

    admin.assert_can_create(programme, ModulePage, data)

    assert ModulePage.objects.child_of(programme).get().is_required_first


@pytest.mark.django_db
def test_a_second_required_first_module_is_refused(admin, programme, module_one):
    data = module_form_data("Module 2", number=2, required_first=True)

    response = admin.post_add_form(programme, ModulePage, data)

    assert form_errors(response)["is_required_first"] == [REFUSAL]
    assert not ModulePage.objects.filter(title="Module 2").exists()


@pytest.mark.django_db
def test_more_modules_that_are_not_required_first_are_fine(
    admin, programme, module_one
):
    data = module_form_data("Module 2", number=2, required_first=False)

    admin.assert_can_create(programme, ModulePage, data)

    assert ModulePage.objects.child_of(programme).count() == 2


@pytest.mark.django_db
def test_another_programme_may_have_its_own_required_first_module(
    admin, home_pages, module_one
):
    seminar = factories.ProgrammePageFactory(parent__parent=home_pages["en"])
    data = module_form_data("Seminar module 1", number=1, required_first=True)

    admin.assert_can_create(seminar, ModulePage, data)

    assert ModulePage.objects.get(title="Seminar module 1").is_required_first


@pytest.mark.django_db
def test_the_required_first_module_can_be_edited_and_stays_required(admin, module_one):
    data = edit_form_data(module_one, required_first=True)
    data["introduction"] = "Where everyone starts."

    response = admin.post_edit_form(module_one, data)

    assert response.status_code == 302
    module_one.refresh_from_db()
    assert module_one.introduction == "Where everyone starts."
    assert module_one.is_required_first


@pytest.mark.django_db
def test_editing_another_module_into_required_first_is_refused(
    admin, programme, module_one
):
    module_two = factories.ModulePageFactory(
        parent=programme, title="Module 2", module_number=2
    )

    response = admin.post_edit_form(
        module_two, edit_form_data(module_two, required_first=True)
    )

    assert form_errors(response)["is_required_first"] == [REFUSAL]
    module_two.refresh_from_db()
    assert not module_two.is_required_first
