"""Where each page type may live: its allowed parents and children.

The table below is the site's page tree; a new page type fails
``test_the_table_names_every_page_type`` until its place is written here.
"""

import pytest
from wagtail.models import Page, get_page_models

from cms.home.models import HomePage
from cms.pages.models import ContactPage, StandardPage
from cms.publications.models import PublicationIndexPage, PublicationPage
from cms.videos.models import VideoIndexPage, VideoPage
from learning.catalogue.models import (
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    SessionTopicPage,
)
from learning.events.models import LearningEventPage
from learning.proposals.models import CallForProposalsPage
from tests import factories
from tests.factories.events import EventSeriesProgrammePageFactory

# page type: (parents it may be created under, children it may have)
TREE = {
    HomePage: (
        {Page},
        {
            StandardPage,
            ContactPage,
            PublicationIndexPage,
            VideoIndexPage,
            ProgrammeIndexPage,
        },
    ),
    StandardPage: ({HomePage, StandardPage}, {StandardPage}),
    ContactPage: ({HomePage}, set()),
    PublicationIndexPage: ({HomePage}, {PublicationPage}),
    PublicationPage: ({PublicationIndexPage}, set()),
    VideoIndexPage: ({HomePage}, {VideoPage}),
    VideoPage: ({VideoIndexPage}, set()),
    ProgrammeIndexPage: ({HomePage}, {ProgrammePage}),
    # Which of these a programme offers follows its format (below).
    ProgrammePage: (
        {ProgrammeIndexPage},
        {ModulePage, LearningEventPage, CallForProposalsPage},
    ),
    ModulePage: ({ProgrammePage}, {SessionTopicPage}),
    SessionTopicPage: ({ModulePage}, set()),
    LearningEventPage: ({ProgrammePage}, set()),
    CallForProposalsPage: ({ProgrammePage}, set()),
}

ids = {"ids": lambda model: model.__name__}


def test_the_table_names_every_page_type():
    creatable = {model for model in get_page_models() if model.is_creatable}

    assert creatable == set(TREE)


@pytest.mark.parametrize("model", TREE, **ids)
def test_allowed_parent_page_types(model):
    parents, _children = TREE[model]

    assert set(model.allowed_parent_page_models()) == parents


@pytest.mark.parametrize("model", TREE, **ids)
def test_allowed_subpage_types(model):
    _parents, children = TREE[model]

    assert set(model.creatable_subpage_models()) == children


@pytest.mark.parametrize("model", TREE, **ids)
def test_only_the_home_page_may_sit_at_the_root(model):
    root_allows = model in Page.creatable_subpage_models()

    assert root_allows == (model is HomePage)


@pytest.mark.django_db
def test_can_create_at_follows_the_tree_for_real_pages(home_pages):
    home = home_pages["en"]
    programme_index = factories.ProgrammeIndexPageFactory(parent=home)
    programme = factories.ProgrammePageFactory(parent=programme_index)
    module = factories.ModulePageFactory(parent=programme)
    root = Page.get_first_root_node()

    assert HomePage.can_create_at(root)
    assert not HomePage.can_create_at(home)
    assert ProgrammePage.can_create_at(programme_index)
    assert not ProgrammePage.can_create_at(home)
    assert not ProgrammePage.can_create_at(module)
    assert ModulePage.can_create_at(programme)
    assert not ModulePage.can_create_at(programme_index)
    assert SessionTopicPage.can_create_at(module)
    assert not SessionTopicPage.can_create_at(programme)
    assert not SessionTopicPage.can_create_at(home)
    assert not StandardPage.can_create_at(root)


@pytest.mark.django_db
def test_a_programmes_format_decides_its_pages(home_pages):
    programme_index = factories.ProgrammeIndexPageFactory(parent=home_pages["en"])
    cohort = factories.ProgrammePageFactory(parent=programme_index)
    seminar = factories.ProgrammePageFactory(
        parent=programme_index, programme_format="seminar"
    )
    series = EventSeriesProgrammePageFactory(parent=programme_index)
    member_led = factories.ProgrammePageFactory(
        parent=programme_index, programme_format="proposal_sessions"
    )

    assert ModulePage.can_create_at(cohort) and ModulePage.can_create_at(seminar)
    assert not ModulePage.can_create_at(series)
    assert LearningEventPage.can_create_at(series)
    assert not LearningEventPage.can_create_at(cohort)
    assert not LearningEventPage.can_create_at(seminar)
    # Member-led sessions are events chosen through a call for proposals.
    assert not ModulePage.can_create_at(member_led)
    assert CallForProposalsPage.can_create_at(member_led)
    assert LearningEventPage.can_create_at(member_led)
    assert not any(
        CallForProposalsPage.can_create_at(other) for other in (cohort, seminar, series)
    )


@pytest.mark.django_db
def test_moving_a_page_is_checked_against_its_allowed_parents(home_pages):
    module = factories.ModulePageFactory(parent__parent__parent=home_pages["en"])
    other_programme = factories.ProgrammePageFactory(parent__parent=home_pages["en"])

    assert module.can_move_to(other_programme)
    assert not module.can_move_to(home_pages["en"])
    assert not module.can_move_to(other_programme.get_parent())
