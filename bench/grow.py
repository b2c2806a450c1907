"""Growing the bench dataset's standard pages to N per language, fast
(`manage.py bench_grow`, for the growth check in bench/growth.py).

Adding 36,000 pages one `add_child` at a time, as bench_dataset adds its 4,000,
would take hours on the bench machine (a few pages a second), so pages are
inserted in batches of BATCH numbers (a transaction each), as the rows Wagtail
itself writes for a published page: each English page and its Spanish
translation (one translation key) get the next materialised paths under their
language's home (treebeard's encoding), their `pages_standardpage` row, one
revision holding the page's serialised content, and that revision as live and
latest; the homes' child counts follow. Then the stored API representation of
every new page is made by the project's own `representations_rebuild` (what
`rebuild_representations` runs), and the content generation is bumped, as a
publish does. Not written: the search index and Wagtail's reference index (no
read measured here uses them; `update_index` and `rebuild_references_index`
make them).
"""

import random
from typing import TextIO
from uuid import uuid4

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from api.content.stored import representations_rebuild
from bench.content import PALABRAS, WORDS
from bench.content import body as _body
from bench.content import text as _text
from cms.core.generation import content_generation_bump
from cms.core.management.commands.media_audit import ProgressBar
from cms.pages.models import StandardPage

BATCH = 500


def pages_grow(*, pages_per_language: int, stream: TextIO) -> int:
    """Add standard pages under each language's home until there are
    pages_per_language (numbered on from those there), with progress bars on
    stream; how many were added per language."""
    homes = _homes()
    start = StandardPage.objects.child_of(homes["en"]).count()
    if start >= pages_per_language:
        return 0
    # _body picks image objects; their ids are all it reads.
    images = list(get_image_model().objects.only("pk"))
    if not images:
        raise CommandError("No images: build the dataset first (bench_dataset).")
    bar = ProgressBar(stream, "Pages (en + es)", pages_per_language - start)
    made: list[int] = []
    rng = random.Random(f"bench-grow-{start}")
    for first in range(start, pages_per_language, BATCH):
        last = min(first + BATCH, pages_per_language)
        with transaction.atomic():
            made += pages_insert(
                homes, numbers=range(first, last), rng=rng, images=images
            )
        bar.advance(last - first)
    _representations(made, stream)
    content_generation_bump()  # as a publish does: cached answers are stale
    return pages_per_language - start


def _representations(page_ids: list[int], stream: TextIO) -> None:
    holder = ContentType.objects.get_for_model(Page).pk
    bar = ProgressBar(stream, "Stored representations", len(page_ids))
    for made in representations_rebuild(holders=[(holder, pk) for pk in page_ids]):
        bar.advance(made)


def _homes() -> dict[str, Page]:
    english = Site.objects.get(is_default_site=True).root_page
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    return {"en": english, "es": spanish}


def pages_insert(homes: dict, *, numbers: range, rng, images: list) -> list[int]:
    """Insert the pages `numbers` in both languages (the rows of a published
    page and its live revision); their ids."""
    now = timezone.now()
    pages = []
    for number in numbers:
        key = uuid4()
        pages.append(_page(homes["en"], number, key, rng, images, now, english=True))
        pages.append(_page(homes["es"], number, key, rng, images, now, english=False))
    _paths(homes, pages)
    fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in fields}) for page in pages]
    )
    for page, row in zip(pages, rows, strict=True):
        page.pk = page.page_ptr_id = row.pk
    _specific_insert(pages)
    _revisions_insert(pages, now)
    for home in homes.values():
        added = sum(1 for p in pages if p.locale_id == home.locale_id)
        Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + added)
    return [page.pk for page in pages]


def _page(home, number, key, rng, images, now, *, english: bool) -> StandardPage:
    words = WORDS if english else PALABRAS
    slug = f"page-{number}" if english else f"pagina-{number}"
    title = f"{'Page' if english else 'Página'} {number}: {_text(rng, words, 3)}"
    return StandardPage(
        title=title,
        draft_title=title,
        slug=slug,
        locale_id=home.locale_id,
        translation_key=key,
        introduction=_text(rng, words, 25),
        body=_body(rng, words, images),
        live=True,
        has_unpublished_changes=False,
        url_path=f"{home.url_path}{slug}/",
        depth=home.depth + 1,
        numchild=0,
        first_published_at=now,
        last_published_at=now,
        latest_revision_created_at=now,
    )


def _paths(homes: dict, pages: list[StandardPage]) -> None:
    """The next free materialised paths under each home, in order."""
    for home in homes.values():
        last = (
            Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        step = Page._str2int(last[-Page.steplen :]) if last else 0
        for page in pages:
            if page.locale_id == home.locale_id:
                step += 1
                page.path = Page._get_path(home.path, page.depth, step)


def _specific_insert(pages: list[StandardPage]) -> None:
    """The pages' own table (Django's bulk_create refuses a model with a parent
    table, so its rows are written as save() writes them, field by field)."""
    fields = StandardPage._meta.local_concrete_fields
    table = connection.ops.quote_name(StandardPage._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608 (names from the model)
            [
                [f.get_db_prep_save(f.pre_save(p, True), connection) for f in fields]
                for p in pages
            ],
        )


def _revisions_insert(pages: list[StandardPage], now) -> None:
    """One revision per page, holding its content, set live and latest."""
    page_type = ContentType.objects.get_for_model(Page)
    own_type = ContentType.objects.get_for_model(StandardPage)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=own_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                created_at=now,
                object_str=page.title,
                content=page.serializable_data(),
            )
            for page in pages
        ]
    )
    latest = Subquery(
        Revision.objects.filter(
            base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
        )
        .order_by("-pk")
        .values("pk")[:1]
    )
    ids = [page.pk for page in pages]
    Page.objects.filter(pk__in=ids).update(live_revision=latest, latest_revision=latest)
    for page, revision in zip(pages, revisions, strict=True):
        page.live_revision_id = page.latest_revision_id = revision.pk
