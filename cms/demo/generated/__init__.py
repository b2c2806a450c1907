"""Generated media: images, PDFs, a WebM video and captions, in a "Demo" collection.

Each file is made once; a later run finds it by its title in the collection and
reuses it, so editors' crops, focal points and usage stay intact.
"""

import io
import zlib
from collections.abc import Callable
from functools import partial

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from ..bilingual import T, Text
from ..catalogue import decks
from ..content import eip, library
from . import pdfs
from .images import Scene, jpeg
from .video import SECONDS, title_card_webm, webvtt

COLLECTION_NAME = "Demo"
CARDS = (
    ("card-programmes", "lagoon", "Programmes", "Programas"),
    ("card-publications", "sand", "Publications", "Publicaciones"),
    ("card-videos", "plum", "Videos", "Videos"),
)
ABSTRACT = "Abstract composition of overlapping coloured circles"


def demo_collection() -> Collection:
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    return collection or root.add_child(name=COLLECTION_NAME)


def _seed(key: str) -> int:
    return zlib.crc32(key.encode())


class MediaLibrary:
    """Gets or makes every demo file; fills builder.refs and the Spanish doc map."""

    def __init__(self, builder, collection: Collection):
        self.builder = builder
        self.collection = collection
        self.images = {
            image.title: image
            for image in get_image_model().objects.filter(collection=collection)
        }
        self.documents = {
            document.title: document
            for document in get_document_model().objects.filter(collection=collection)
        }

    def build(self) -> None:
        self.build_images()
        self.build_publications()
        self.build_decks()
        self.build_videos()
        self.build_event_documents()

    # --- get or create ----------------------------------------------------------------

    def image(self, key: str, title: str, description: str, render: Callable) -> None:
        image = self.images.get(title)
        if image is None:
            image = get_image_model()(
                title=title,
                description=description,
                collection=self.collection,
                file=ImageFile(io.BytesIO(render()), name=f"demo-{key}.jpg"),
            )
            image._set_image_file_metadata()
            image.save()
            self._created(_("image"), title)
        else:
            self.builder.counts.reused += 1
        self.builder.refs.images[key] = image

    def document(self, key: str, title: str, filename: str, render: Callable):
        document = self.documents.get(title)
        if document is None:
            document = get_document_model()(title=title, collection=self.collection)
            document.file.save(filename, ContentFile(render()), save=False)
            document._set_document_file_metadata()
            document.save()
            self._created(_("document"), title)
        else:
            self.builder.counts.reused += 1
        self.builder.refs.documents[key] = document
        return document

    def _created(self, kind: str, title: str) -> None:
        self.builder.counts.created += 1
        self.builder.log(_("  + %(kind)s: %(name)s") % {"kind": kind, "name": title})

    # --- the files -------------------------------------------------------------------

    def build_images(self) -> None:
        # No text on the hero: pages crop it to their layout and set a heading on it.
        hero = Scene("dawn", _seed("hero"), circles=9)
        self.image(
            "hero",
            "Hero: Mutual Learning Program",
            ABSTRACT,
            partial(_still, hero, 1600, 900, None),
        )
        for key, palette, english, spanish in CARDS:
            scene = Scene(palette, _seed(key))
            self.image(
                key,
                f"Card: {english}",
                ABSTRACT,
                partial(_still, scene, 1200, 750, T(english, spanish)),
            )

    def build_publications(self) -> None:
        topics = {topic.key: topic.name for topic in library.TOPICS}
        for publication in library.PUBLICATIONS:
            render = partial(
                pdfs.publication_pdf,
                title=publication.title,
                authors=publication.authors,
                year=publication.year,
                topics=[topics[key] for key in publication.topics],
                summary=publication.summary,
            )
            self.document(
                f"{publication.key}-pdf",
                f"{publication.title.en} (PDF)",
                f"{publication.slug.en}.pdf",
                render,
            )

    def build_decks(self) -> None:
        for deck in decks():
            english, spanish = (
                self.document(
                    f"{deck.key}-{language}",
                    f"{deck.title.in_language(language)}: "
                    f"{deck.subtitle.in_language(language)}",
                    f"{deck.key}-{language}.pdf",
                    partial(_deck_pdf, deck, language),
                )
                for language in ("en", "es")
            )
            # The Spanish translations of pages link the Spanish presentation.
            self.builder.spanish_documents[english.pk] = spanish.pk

    def build_event_documents(self) -> None:
        documents = {doc.key: doc for event in eip.EVENTS for doc in event.documents}
        for document in documents.values():
            english, spanish = (
                self.document(
                    f"{document.key}-{language}",
                    document.title.in_language(language),
                    f"{document.key}-{language}.pdf",
                    partial(_background_pdf, document, language),
                )
                for language in ("en", "es")
            )
            # The Spanish event pages offer the Spanish version.
            self.builder.spanish_documents[english.pk] = spanish.pk

    def build_videos(self) -> None:
        for video in library.VIDEOS:
            scene = Scene(video.palette, _seed(video.key))
            self.image(
                f"{video.key}-poster",
                f"Poster: {video.title.en}",
                ABSTRACT,
                partial(_still, scene, 1280, 720, video.title, t=SECONDS),
            )
            self.document(
                f"{video.key}-webm",
                f"{video.title.en} (WebM)",
                f"{video.slug.en}.webm",
                partial(title_card_webm, scene, video.title.en, video.title.es),
            )
            for language in ("en", "es"):
                self.document(
                    f"{video.key}-captions-{language}",
                    f"{video.title.en}: captions ({language})",
                    f"{video.slug.en}.{language}.vtt",
                    partial(_captions, video, language),
                )


def _still(
    scene: Scene, width: int, height: int, title: Text | None, t: float = 0
) -> bytes:
    """A still with the English title and the Spanish one below it, if any."""
    if title is None:
        return jpeg(scene.render(width, height, ""))
    return jpeg(scene.render(width, height, title.en, title.es, t=t))


def _deck_pdf(deck, language: str) -> bytes:
    return pdfs.deck_pdf(
        title=deck.title.in_language(language),
        subtitle=deck.subtitle.in_language(language),
        slides=[
            (heading.in_language(language), [b.in_language(language) for b in bullets])
            for heading, bullets in deck.slides
        ],
        language=language,
    )


def _background_pdf(document, language: str) -> bytes:
    return pdfs.background_pdf(
        title=document.title.in_language(language),
        publisher=eip.PLATFORM.in_language(language),
        sections=[
            (heading.in_language(language), [t.in_language(language) for t in texts])
            for heading, texts in document.sections
        ],
        language=language,
    )


def _captions(video, language: str) -> bytes:
    return webvtt([cue.in_language(language) for cue in video.cues]).encode()


def build_media(builder) -> None:
    MediaLibrary(builder, demo_collection()).build()
