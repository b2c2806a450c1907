"""Factories for snippets: topics, testimonials, the navigation, the site identity."""

import factory
import wagtail_factories
from django.utils.text import slugify

from cms.core.models import SiteIdentity
from cms.navigation.models import Footer, MainMenu
from cms.publications.models import Topic
from cms.testimonials.models import Testimonial

from .blocks import MenuItemBlockFactory, MenuLinkBlockFactory


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic in the default locale; pass ``locale=`` and ``translation_key=``."""

    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name, allow_unicode=True))


class TestimonialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Testimonial

    quote = factory.Faker("paragraph", nb_sentences=3)
    person_name = factory.Faker("name")
    role = "Director"
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    country = "Colombia"
    live = True


class MainMenuFactory(factory.django.DjangoModelFactory):
    """E.g. ``MainMenuFactory(items__0__item__label="About")``."""

    class Meta:
        model = MainMenu

    name = "Main menu"
    live = True
    items = wagtail_factories.StreamFieldFactory(
        {"item": factory.SubFactory(MenuItemBlockFactory)}
    )


class FooterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Footer

    name = "Footer"
    live = True
    text = "<p>Mutual Learning Program</p>"
    links = wagtail_factories.StreamFieldFactory(
        {"link": factory.SubFactory(MenuLinkBlockFactory)}
    )


class SiteIdentityFactory(factory.django.DjangoModelFactory):
    """The organisation's name in the default locale; for a translation pass
    ``locale=`` and the source's ``translation_key=``."""

    class Meta:
        model = SiteIdentity

    organisation_name = "Mutual Learning Program"
    live = True
