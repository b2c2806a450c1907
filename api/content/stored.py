"""Stored representations of pages: made once per published revision, in the
page's language, and joined on reads (api.content.views).

The same serializers as a fresh response decide the shape. What a stored row
cannot know is added per request: the page's URL and parent (a move changes
them without a publish), `fallback` (the asked-for language) and `translations`
(other pages' state). Absolute URLs made from the request's address (rich text,
renditions, documents) start with BASE, which each response replaces with its
own base URL. Freshness: api.content.freshness deletes what a change makes
stale; a read makes and stores any row that is missing.
"""

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, ClassVar, Protocol, TypeGuard

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.db.models.options import Options
from django.utils import translation
from rest_framework.renderers import JSONRenderer
from rest_framework.serializers import Serializer
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.query import PageQuerySet
from wagtail.snippets.models import get_snippet_models

from cms.core.generation import content_generation
from cms.testimonials.models import Testimonial

from . import serializers as s
from .models import RepresentationDependency, StoredRepresentation
from .representation import base_url

# The shapes' version: raise it when a serializer's output changes, so that rows
# made by the old code are made again (or run `manage.py rebuild_representations`).
FORMAT = 2
# Stands for the request's base URL inside stored JSON (".invalid" never resolves,
# so no real content holds it).
BASE = "http://stored-representation.invalid"
# Fields each request adds (see the module's docstring).
DYNAMIC_FIELDS = ("url", "parent_id", "fallback", "translations")
SHAPES = ("summary", "item", "detail")
# Fields of a page that a list or detail reads beside its stored row.
LIGHT_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "translation_key",
    "locale",
    "live",
    "live_revision",
    "content_type",
)
BATCH = 50


class StoredObject(Protocol):
    """A live page (a Page) or snippet (a TranslatableMixin and RevisionMixin
    model, such as Testimonial) that has a stored representation. (Wagtail has no
    type information: its classes, and so our pages, are Any to mypy.)"""

    _meta: ClassVar[Options[Any]]

    @property
    def pk(self) -> Any: ...
    @property
    def locale(self) -> Locale: ...
    @property
    def locale_id(self) -> int: ...
    @property
    def live_revision_id(self) -> int | None: ...
    @property
    def translation_key(self) -> Any: ...


class WithStored(StoredObject, Protocol):
    """A page or snippet read through with_stored: its row's annotations."""

    @property
    def stored_revision(self) -> int | None: ...
    @property
    def stored_text(self) -> str | None: ...


class _StorageRequest:
    """Stands in for the request while a representation is made for storage:
    absolute URLs start with BASE. Not an HttpRequest, so Wagtail finds a page's
    site from its path alone."""

    def build_absolute_uri(self, location: str = "/") -> str:
        return BASE + location


def page_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)


def holder_type(model: type[Model]) -> ContentType:
    """The content type a stored row is keyed by: the base model's (Page for every
    page type), as Wagtail's ReferenceIndex keys objects."""
    return ReferenceIndex._get_base_content_type(model)


@cache
def _snippet_serializers() -> dict[type[Model], type[Serializer]]:
    """Snippets with a stored representation, and their serializer."""
    # Imported here: the snippets' viewset imports this module to read rows.
    from .snippets import TestimonialSerializer

    return {Testimonial: TestimonialSerializer}


def stored_models() -> list[type[Model]]:
    return [Page, *_snippet_serializers()]


@cache
def _typed_serializers() -> dict[
    type[Model], tuple[type[Serializer], type[Serializer]]
]:
    """{page model: (list item serializer, detail serializer)}, as its typed
    endpoint declares them."""
    # Imported here: the viewsets import this module to read stored rows.
    from .views import ContentViewSet, PageViewSet

    found: dict[type[Model], tuple[type[Serializer], type[Serializer]]] = {}
    pending = list(ContentViewSet.__subclasses__())
    while pending:
        viewset = pending.pop()
        pending.extend(viewset.__subclasses__())
        if viewset is not PageViewSet and viewset.model is not Page:
            found[viewset.model] = (
                viewset.list_serializer_class,
                viewset.serializer_class,
            )
    return found


def serializers_for(model: type[Model]) -> dict[str, type[Serializer] | None]:
    """The serializer of each shape for a page model (None: no typed endpoint);
    a snippet has one shape, its summary."""
    if not issubclass(model, Page):
        summary = _snippet_serializers().get(model)
        return {"summary": summary, "item": None, "detail": None}
    typed = _typed_serializers()
    item = detail = None
    for cls in model.__mro__:
        if cls in typed:
            item, detail = typed[cls]
            break
    return {"summary": s.PageSerializer, "item": item, "detail": detail}


def _computes_on_read(block: blocks.Block) -> bool:
    if isinstance(block, blocks.StructBlock) and (
        "get_api_representation" in vars(type(block))
    ):
        return True  # as representation.block_value: a value computed per read
    children = getattr(block, "child_blocks", None) or {}
    if isinstance(block, blocks.ListBlock):
        children = {"item": block.child_block}
    return any(_computes_on_read(child) for child in children.values())


def computed_fields(model: type[Model], shape: str) -> tuple[str, ...]:
    """StreamFields of the shape that hold a block computing its value on each
    read (its own get_api_representation, such as MEL's indicators, whose figures
    follow attendance): they are left out of the stored row and shown per read."""
    # Through a typed function: callers' arguments are checked (a cached
    # function's are only required to be hashable).
    return _computed_fields(model, shape)


@cache
def _computed_fields(model: type[Model], shape: str) -> tuple[str, ...]:
    serializer = serializers_for(model)[shape]
    if serializer is None:
        return ()
    names = set(serializer().fields)
    return tuple(
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
        and field.name in names
        and _computes_on_read(field.stream_block)
    )


def json_text(data: Any) -> str:
    """data as the JSON text DRF's JSON renderer sends."""
    return JSONRenderer().render(data).decode()


def representation_render(
    page: StoredObject, *, shapes: Iterable[str] = SHAPES
) -> dict[str, str | None]:
    """The (specific, live) page's or snippet's shapes as JSON text, made in its
    language without the per-request fields; None for a shape it has no
    serializer for."""
    model = page._meta.model
    serializers = serializers_for(model)
    context = {"request": _StorageRequest(), "translations": {}, "language": None}
    if isinstance(page, Page):
        page.parent_pk = None  # per request; spares PageSerializer a query
    texts: dict[str, str | None] = {}
    with translation.override(page.locale.language_code):
        for shape in shapes:
            serializer = serializers[shape]
            if serializer is None:
                texts[shape] = None
                continue
            data = dict(serializer(page, context=context).data)
            for name in (*DYNAMIC_FIELDS, *computed_fields(model, shape)):
                data.pop(name, None)
            texts[shape] = json_text(data)
    return texts


@cache
def _tracked_type_ids() -> frozenset[int]:
    """Base content types whose objects a representation can show."""
    models = [Page, get_image_model(), get_document_model(), *get_snippet_models()]
    return frozenset(ReferenceIndex._get_base_content_type(m).pk for m in models)


def dependencies_of(page: StoredObject) -> set[tuple[int, str]]:
    """(base content type id, object id) of what the page's representation shows:
    the references Wagtail's ReferenceIndex records for it (fields, StreamField
    blocks, rich text links, child objects), taken from the live page itself."""
    tracked = _tracked_type_ids()
    return {
        (type_id, object_id)
        for type_id, object_id, _path, _content in (
            ReferenceIndex._extract_references_from_object(page)
        )
        if type_id in tracked
    }


def representations_store(
    pages: Iterable[StoredObject], *, generation: int | None = None
) -> dict[int, StoredRepresentation]:
    """Make and store (replacing any older row) the representations of live
    specific pages (or snippets of one model), with what each one shows; with
    `generation` (read before the pages were), they are made but not stored if
    content changed since."""
    rows, links = [], []
    for page in pages:
        holder = holder_type(page._meta.model)
        texts = representation_render(page)
        rows.append(
            StoredRepresentation(
                content_type=holder,
                object_id=page.pk,
                locale_id=page.locale_id,
                revision_id=page.live_revision_id,
                format=FORMAT,
                translation_key=page.translation_key,
                **{shape: text or "" for shape, text in texts.items()},
            )
        )
        links += [
            RepresentationDependency(
                holder_type=holder,
                holder_id=page.pk,
                target_type_id=type_id,
                target_id=object_id,
            )
            for type_id, object_id in dependencies_of(page)
        ]
    if generation is not None and content_generation()["n"] != generation:
        return {row.object_id: row for row in rows}
    with transaction.atomic():
        StoredRepresentation.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            # A row made again has its translations made again on the next read.
            update_fields=[
                "locale",
                "revision_id",
                "format",
                *SHAPES,
                "made_at",
                "translation_key",
                "translations",
                "translations_token",
            ],
        )
        for row in rows:
            RepresentationDependency.objects.filter(
                holder_type=row.content_type, holder_id=row.object_id
            ).delete()
        RepresentationDependency.objects.bulk_create(links)
    return {row.object_id: row for row in rows}


def _live_pages() -> PageQuerySet:
    return Page.objects.live().filter(depth__gt=1).order_by("path")


def _live(model: type[Model]) -> QuerySet:
    if issubclass(model, Page):
        return _live_pages()
    # The default manager: a model class's `objects` is unknown to the stubs
    # (Testimonial's only manager is `objects`).
    return model._default_manager.filter(live=True).order_by("pk")


def _specific_live(model: type[Model], ids: Iterable[int]) -> list[StoredObject]:
    if issubclass(model, Page):
        return list(_live_pages().filter(pk__in=list(ids)).specific())
    return list(_live(model).filter(pk__in=list(ids)).select_related("locale"))


def _made(
    model: type[Model], page_ids: list[int], *, shape: str
) -> dict[int, str | None]:
    """Texts of pages that had no current stored row: stored unless a change
    happened while they were made (a row made from data a concurrent
    publish has just replaced would otherwise outlive it)."""
    generation = content_generation()["n"]
    rows = representations_store(_specific_live(model, page_ids), generation=generation)
    return {pk: getattr(row, shape) or None for pk, row in rows.items()}


def with_stored(queryset: QuerySet, *, shape: str) -> QuerySet:
    """Annotate each page with its stored row's revision, `shape` text (null:
    no row) and translations with their token (api.content.stored_translations),
    read in the page query itself (the row is found by its unique index);
    stored_texts then needs no query of its own."""
    rows = StoredRepresentation.objects.filter(
        content_type=holder_type(queryset.model),
        object_id=OuterRef("pk"),
        format=FORMAT,
    )
    return queryset.annotate(
        stored_revision=Subquery(rows.values("revision_id")[:1]),
        stored_text=Subquery(rows.values(shape)[:1]),
        stored_translations=Subquery(rows.values("translations")[:1]),
        stored_token=Subquery(rows.values("translations_token")[:1]),
    )


def _read_with_stored(pages: list[StoredObject]) -> TypeGuard[list[WithStored]]:
    return all(hasattr(page, "stored_text") for page in pages)


def _stored_rows(
    model: type[Model], pages: list[StoredObject], *, shape: str
) -> dict[int, tuple]:
    if _read_with_stored(pages):
        return {
            page.pk: (page.stored_revision, page.stored_text)
            for page in pages
            if page.stored_text is not None
        }
    return {
        object_id: (revision_id, text)
        for object_id, revision_id, text in StoredRepresentation.objects.filter(
            content_type=holder_type(model),
            object_id__in=[page.pk for page in pages],
            format=FORMAT,
        ).values_list("object_id", "revision_id", shape)
    }


def stored_texts(pages: Iterable[StoredObject], *, shape: str) -> dict[int, str | None]:
    """{page id: JSON text of `shape`} for pages read with LIGHT_FIELDS (and
    with_stored, else one query for their rows); a page whose row is missing or
    of an older revision or format is made now and stored (so a fresh database
    works)."""
    pages = list(pages)
    if not pages:
        return {}
    model = pages[0]._meta.model
    rows = _stored_rows(model, pages, shape=shape)
    texts: dict[int, str | None] = {}
    missing = []
    for page in pages:
        row = rows.get(page.pk)
        if row is None or row[0] != page.live_revision_id:
            missing.append(page.pk)
        else:
            texts[page.pk] = row[1] or None
    if missing:
        texts.update(_made(model, missing, shape=shape))
    return texts


def representations_rebuild(
    *, holders: Iterable[tuple[int, int]] | None = None
) -> Iterator[int]:
    """Make and store again the representations of live pages and snippets (all
    of them, or the (base content type id, id) pairs of holders), BATCH at a
    time, yielding each batch's size; a full rebuild also removes the rows of
    objects that are no longer live."""
    wanted: dict[int, list[int]] | None = None
    if holders is not None:
        wanted = {}
        for type_id, object_id in holders:
            wanted.setdefault(type_id, []).append(object_id)
    for model in stored_models():
        holder = holder_type(model)
        live = _live(model)
        if wanted is not None:
            if holder.pk not in wanted:
                continue
            live = live.filter(pk__in=wanted[holder.pk])
        else:
            _drop_unlive(holder, live)
        ids = list(live.values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            representations_store(_specific_live(model, batch))
            yield len(batch)


def _drop_unlive(holder: ContentType, live: QuerySet) -> None:
    StoredRepresentation.objects.filter(content_type=holder).exclude(
        object_id__in=live.values("pk")
    ).delete()
    RepresentationDependency.objects.filter(holder_type=holder).exclude(
        holder_id__in=live.values("pk")
    ).delete()


def live_count() -> int:
    """How many objects have a stored representation when all are made."""
    return sum(_live(model).count() for model in stored_models())


# Fields a stored text is completed with are added by these helpers, so that a
# response is joined text, never data rendered again.


def with_fields(text: str, fields: dict, *, translations: str | None = None) -> str:
    """A stored JSON object with fields added (and `translations`, given as
    JSON text, joined as it is)."""
    joined = text[:-1] + "," + json_text(fields)[1:]
    if translations is None:
        return joined
    return joined[:-1] + ',"translations":' + translations + "}"


def joined_list(envelope: dict, items: list[str]) -> str:
    """A paginated list's JSON: the envelope's fields, then the joined items."""
    head = json_text({k: v for k, v in envelope.items() if k != "results"})
    return head[:-1] + ',"results":[' + ",".join(items) + "]}"


def response_bytes(text: str, request: Any) -> bytes:
    """The body to send: BASE replaced by the request's base URL."""
    return text.replace(BASE, base_url(request)).encode()
