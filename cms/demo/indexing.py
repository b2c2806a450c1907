"""Search and reference indexing once per object instead of once per save.

Wagtail queues a search-index and a reference-index task on every save. Building a
page and its Spanish translation saves each of them several times (create, revision,
publish, sync), and with the immediate task backend that repetition was most of the
demo's build time. Inside this context the saves are only noted; each object's two
tasks are queued once at the end, through the configured task backend as usual.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

DISPATCH_UID = "cms.demo.indexing.remember_saved"


@contextmanager
def index_each_object_once():
    saved: dict[tuple[type, str], None] = {}

    def remember_saved(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(sender, str(instance.pk))] = None

    searchable = [
        model
        for model in index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    for model in searchable:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(remember_saved, weak=False, dispatch_uid=DISPATCH_UID)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid=DISPATCH_UID)
        for model in searchable:
            post_save.connect(post_save_signal_handler, sender=model)
    _enqueue(saved, set(searchable))


def _enqueue(saved, searchable: set[type]) -> None:
    for model, pk in saved:
        if not model._default_manager.filter(pk=pk).exists():
            continue  # saved, then deleted within the step
        label = (model._meta.app_label, model._meta.model_name, pk)
        if model in searchable:
            insert_or_update_object_task.enqueue(*label)
        if model in ReferenceIndex.tracked_models:
            update_reference_index_task.enqueue(*label)
