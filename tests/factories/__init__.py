"""Factories for every page type, snippet, media item and the user.

Page factories build a working tree by default (a session topic gets a module, a
programme, a programme index and a home page under the root); pass ``parent=`` to
put several pages under one parent.
"""

from .catalogue import (
    ModulePageFactory,
    ProgrammeIndexPageFactory,
    ProgrammePageFactory,
    SessionTopicPageFactory,
)
from .media import DocumentFactory, ImageFactory
from .pages import (
    ContactFormFieldFactory,
    ContactPageFactory,
    HomePageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    PublicationPageTopicFactory,
    StandardPageFactory,
    VideoCaptionFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)
from .snippets import (
    FooterFactory,
    MainMenuFactory,
    SiteIdentityFactory,
    TestimonialFactory,
    TopicFactory,
)
from .users import SuperUserFactory, UserFactory

__all__ = [
    "ContactFormFieldFactory",
    "ContactPageFactory",
    "DocumentFactory",
    "FooterFactory",
    "HomePageFactory",
    "ImageFactory",
    "MainMenuFactory",
    "ModulePageFactory",
    "ProgrammeIndexPageFactory",
    "ProgrammePageFactory",
    "PublicationIndexPageFactory",
    "PublicationPageFactory",
    "PublicationPageTopicFactory",
    "SessionTopicPageFactory",
    "SiteIdentityFactory",
    "StandardPageFactory",
    "SuperUserFactory",
    "TestimonialFactory",
    "TopicFactory",
    "UserFactory",
    "VideoCaptionFactory",
    "VideoIndexPageFactory",
    "VideoPageFactory",
]
