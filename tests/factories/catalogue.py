"""Factories for the learning catalogue's pages (learning/catalogue)."""

import factory
import wagtail_factories

from learning.catalogue.enums import ProgrammeFormat
from learning.catalogue.models import (
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    SessionTopicPage,
)

from .blocks import BodyBlockFactory, ForumQuestionsBlockFactory, SubTopicsBlockFactory
from .pages import BasePageFactory, HomePageFactory


class ProgrammeIndexPageFactory(BasePageFactory):
    class Meta:
        model = ProgrammeIndexPage

    parent = factory.SubFactory(HomePageFactory)
    title = factory.Sequence(lambda n: f"Programmes {n}")
    introduction = "What we offer."


class ProgrammePageFactory(BasePageFactory):
    class Meta:
        model = ProgrammePage

    parent = factory.SubFactory(ProgrammeIndexPageFactory)
    title = factory.Sequence(lambda n: f"Programme {n}")
    introduction = "Peer learning between organisations."
    programme_format = ProgrammeFormat.ONLINE_SESSIONS
    languages = factory.LazyFunction(lambda: ["en", "es"])
    time_zone = "Europe/Madrid"
    certificate_rule = "Attend three quarters of the sessions."
    certificate_attendance_threshold = 75
    philosophy = wagtail_factories.StreamFieldFactory(BodyBlockFactory)
    method = wagtail_factories.StreamFieldFactory(BodyBlockFactory)
    preparation = wagtail_factories.StreamFieldFactory(BodyBlockFactory)
    what_you_get = wagtail_factories.StreamFieldFactory(BodyBlockFactory)
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)


class ModulePageFactory(BasePageFactory):
    class Meta:
        model = ModulePage

    parent = factory.SubFactory(ProgrammePageFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    module_number = 1
    number_of_sessions = 3
    duration_weeks = 6
    is_required_first = False
    introduction = "What the module covers."
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)


class SessionTopicPageFactory(BasePageFactory):
    class Meta:
        model = SessionTopicPage

    parent = factory.SubFactory(ModulePageFactory)
    title = factory.Sequence(lambda n: f"Session topic {n}")
    summary = "What this session is about."
    sub_topics = wagtail_factories.StreamFieldFactory(SubTopicsBlockFactory)
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)
    forum_questions = wagtail_factories.StreamFieldFactory(ForumQuestionsBlockFactory)
