"""Factories for the forum (learning/forum): threads and posts.

They write rows directly; tests of counters and emails go through the services.
"""

import factory
from django.utils import timezone

from learning.forum.models import Post, Thread

from .learning import EditionFactory
from .users import UserFactory


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    edition = factory.SubFactory(EditionFactory)
    title = factory.Sequence(lambda n: f"Thread {n}")
    last_activity_at = factory.LazyFunction(timezone.now)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body_markdown = factory.Sequence(lambda n: f"Answer number {n}.")
    created_at = factory.LazyFunction(timezone.now)
