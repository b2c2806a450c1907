"""Factories for review marks and shared materials (learning/materials)."""

import factory
from django.utils import timezone

from learning.materials.models import MaterialReview, SharedMaterial

from .learning import EditionFactory
from .users import UserFactory


class SharedMaterialFactory(factory.django.DjangoModelFactory):
    """A shared link; pass ``file=`` (and ``url=""``) for a stored file."""

    class Meta:
        model = SharedMaterial

    edition = factory.SubFactory(EditionFactory)
    shared_by = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Shared material {n}")
    description = "Useful for the next meeting."
    language = "en"
    url = factory.Sequence(lambda n: f"https://example.org/resource/{n}")


class MaterialReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MaterialReview

    user = factory.SubFactory(UserFactory)
    edition = factory.SubFactory(EditionFactory)
    material_key = "material"
    reviewed_at = factory.LazyFunction(timezone.now)
