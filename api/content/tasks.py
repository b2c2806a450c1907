"""Background task of the stored representations; it takes ids, never objects."""

from django_tasks import task

from .stored import representations_rebuild


@task()
def representations_refresh(*, holders: list[list[int]]) -> int:
    """Make again the stored representations of these [base content type id, id]
    pairs (those still live). A task, not the publish's own request: a page linked
    from many others (or an image shown on many) refreshes them all, which an
    editor should not wait for; until then, reads make any missing row
    themselves."""
    pairs = [(type_id, object_id) for type_id, object_id in holders]
    return sum(representations_rebuild(holders=pairs))
