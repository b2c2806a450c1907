"""A coordinator settles an organisation flagged as a possible duplicate."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from learning.core.types import AuthUser

from ..models import Enrolment, Organisation


def organisation_merge(
    *, organisation: Organisation, into: Organisation, actor: AuthUser | None
) -> Organisation:
    """Move the organisation's enrolments to `into` and remove it; logged."""
    with transaction.atomic():
        organisation, into = _organisations_lock(organisation, into)
        _merge_validate(organisation=organisation, into=into)
        Enrolment.objects.filter(organisation=organisation).update(organisation=into)
        organisation.possible_duplicates.exclude(pk=into.pk).update(
            possible_duplicate_of=into
        )
        log(
            instance=into,
            action="enrolments.organisation_merge",
            user=actor,
            data={"merged": organisation.name, "merged_id": organisation.pk},
        )
        organisation.delete()
    return into


def organisation_keep_separate(
    *, organisation: Organisation, actor: AuthUser | None
) -> Organisation:
    """Clear the possible-duplicate flag: the two are different; logged."""
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        twin = organisation.possible_duplicate_of
        if twin is None:
            return organisation
        organisation.possible_duplicate_of = None
        organisation.save(update_fields=["possible_duplicate_of"])
        log(
            instance=organisation,
            action="enrolments.organisation_keep_separate",
            user=actor,
            data={"other": twin.name, "other_id": twin.pk},
        )
    return organisation


def _organisations_lock(
    organisation: Organisation, into: Organisation
) -> tuple[Organisation, Organisation]:
    rows = Organisation.objects.select_for_update().in_bulk([organisation.pk, into.pk])
    if organisation.pk not in rows or into.pk not in rows:
        raise ValidationError(
            _("This organisation has already been merged."), code="already_merged"
        )
    return rows[organisation.pk], rows[into.pk]


def _merge_validate(*, organisation: Organisation, into: Organisation) -> None:
    if organisation.pk == into.pk:
        raise ValidationError(
            _("An organisation cannot be merged into itself."), code="merge_self"
        )
    both = (
        Enrolment.objects.active()
        .filter(organisation=into)
        .filter(
            edition__in=Enrolment.objects.active()
            .filter(organisation=organisation)
            .values("edition")
        )
        .select_related("edition")
        .first()
    )
    if both is not None:
        raise ValidationError(
            _(
                "Both organisations are enrolled in %(edition)s: withdraw one "
                "of the two enrolments first."
            ),
            code="merge_conflict",
            params={"edition": both.edition.label},
        )
