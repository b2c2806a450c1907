import factory
import wagtail_factories
from wagtail.models import Collection


def root_collection():
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    """A small generated image in the root collection."""

    # wagtail-factories would make a new root collection for every image.
    collection = factory.LazyFunction(root_collection)
    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.django.ImageField(width=32, height=24, color="teal")


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A small text document in the root collection."""

    collection = factory.LazyFunction(root_collection)
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(
        filename=factory.Sequence(lambda n: f"document-{n}.pdf"),
        data=b"%PDF-1.4 test document",
    )
