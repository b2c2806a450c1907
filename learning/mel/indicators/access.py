"""Who may read an edition's MEL indicators: coordinators every edition,
facilitators the editions they facilitate (the edition-permission helpers of
`learning.enrolments.membership`). Participants read only their own progress
(`learning.mel.indicators.progress`)."""

from django.db.models import QuerySet

from learning.core.types import AnyUser
from learning.editions.models import Edition
from learning.enrolments.membership import (
    edition_list_facilitated,
    user_is_coordinator,
)


def mel_edition_list_for_user(*, user: AnyUser | None) -> QuerySet[Edition]:
    """The editions whose indicators the user may read, newest first."""
    editions: QuerySet[Edition]
    if user_is_coordinator(user=user):
        editions = Edition.objects.all()
    else:
        editions = edition_list_facilitated(user=user)
    return editions.select_related("programme").order_by("-starts_on", "pk")


def mel_edition_get_for_user(*, user: AnyUser | None, pk: int) -> Edition:
    """The edition when the user may read its indicators; `Edition.DoesNotExist`
    otherwise (views answer 404, so others cannot tell it exists)."""
    return mel_edition_list_for_user(user=user).get(pk=pk)


def mel_can_read_people(*, user: AnyUser | None) -> bool:
    """Whether the user may see who answered a non-anonymous survey: coordinators."""
    return user_is_coordinator(user=user)
