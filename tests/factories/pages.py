"""Factories for the site's page types (cms/*)."""

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Page

from cms.home.models import HomePage
from cms.pages.models import ContactFormField, ContactPage, StandardPage
from cms.publications.models import (
    PublicationIndexPage,
    PublicationPage,
    PublicationPageTopic,
)
from cms.videos.models import VideoCaption, VideoIndexPage, VideoPage

from .blocks import SiteBodyBlockFactory
from .media import DocumentFactory
from .snippets import TopicFactory


class BasePageFactory(wagtail_factories.PageFactory):
    """A page as if published now (``live=False`` for a draft)."""

    class Meta:
        abstract = True

    live = True
    first_published_at = factory.Maybe("live", factory.LazyFunction(timezone.now), None)
    last_published_at = factory.SelfAttribute("first_published_at")

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        # Wagtail validates a live page in full on save (every field and block);
        # a factory's page is valid by construction, and that validation was a
        # third of building a page tree. Only the draft checks run (defaults,
        # title, slug unique among siblings), for the first save only: the page
        # the test receives validates in full as usual.
        instance = model_class(**kwargs)
        instance.full_clean = instance.minimal_clean
        try:
            if parent:
                parent.add_child(instance=instance)
            else:
                model_class.add_root(instance=instance)
        finally:
            del instance.full_clean
        return instance


class HomePageFactory(BasePageFactory):
    """A home page directly under the tree root (give ``locale=`` for Spanish)."""

    class Meta:
        model = HomePage

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = factory.Sequence(lambda n: f"Home {n}")
    hero_heading = "Learn from each other"
    hero_text = "Peer learning for organisations."
    body = wagtail_factories.StreamFieldFactory(SiteBodyBlockFactory)


class StandardPageFactory(BasePageFactory):
    class Meta:
        model = StandardPage

    parent = factory.SubFactory(HomePageFactory)
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "What this page is about."
    body = wagtail_factories.StreamFieldFactory(SiteBodyBlockFactory)


class ContactPageFactory(BasePageFactory):
    """A contact form page with no fields; add them with ContactFormFieldFactory."""

    class Meta:
        model = ContactPage

    parent = factory.SubFactory(HomePageFactory)
    title = factory.Sequence(lambda n: f"Contact {n}")
    introduction = "<p>Write to us.</p>"
    thank_you_text = "<p>Thank you for your message.</p>"
    to_address = "office@example.org"
    from_address = "noreply@example.org"
    subject = "Contact form"


class ContactFormFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactFormField

    page = factory.SubFactory(ContactPageFactory)
    sort_order = factory.Sequence(int)
    label = factory.Sequence(lambda n: f"Field {n}")
    field_type = "singleline"
    required = True


class PublicationIndexPageFactory(BasePageFactory):
    class Meta:
        model = PublicationIndexPage

    parent = factory.SubFactory(HomePageFactory)
    title = factory.Sequence(lambda n: f"Publications {n}")
    introduction = "What we have written."


class PublicationPageFactory(BasePageFactory):
    class Meta:
        model = PublicationPage

    parent = factory.SubFactory(PublicationIndexPageFactory)
    title = factory.Sequence(lambda n: f"Publication {n}")
    document = factory.SubFactory(DocumentFactory)
    authors = "Ana Pérez\nJohn Smith"
    year = 2024
    summary = "<p>What the publication finds.</p>"


class PublicationPageTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicationPageTopic

    page = factory.SubFactory(PublicationPageFactory)
    topic = factory.SubFactory(TopicFactory)


class VideoIndexPageFactory(BasePageFactory):
    class Meta:
        model = VideoIndexPage

    parent = factory.SubFactory(HomePageFactory)
    title = factory.Sequence(lambda n: f"Videos {n}")
    introduction = "Recorded sessions and talks."


class VideoPageFactory(BasePageFactory):
    """A video by external URL; pass ``video_file=`` and ``video_url=""`` for a file."""

    class Meta:
        model = VideoPage

    parent = factory.SubFactory(VideoIndexPageFactory)
    title = factory.Sequence(lambda n: f"Video {n}")
    video_url = factory.Sequence(lambda n: f"https://www.youtube.com/watch?v=video{n}")
    duration_minutes = 12
    description = "A short talk."
    transcript = "<p>Hello and welcome.</p>"


class VideoCaptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VideoCaption

    page = factory.SubFactory(VideoPageFactory)
    language = "es"
    file = factory.SubFactory(
        DocumentFactory,
        file=factory.django.FileField(
            filename="captions.vtt", data=b"WEBVTT\n\n00:00.000 --> 00:01.000\nHola\n"
        ),
    )
