"""The certificates' periodic job: issue those of finished editions."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.scheduling.registry import scheduled_job

from .selectors import edition_list_finished
from .services import certificates_issue_for_edition


@scheduled_job(
    name="certificates_issue",
    label=gettext_lazy("Issue certificates"),
    cron="15 2 * * *",
    description=gettext_lazy(
        "Issues a certificate to everyone eligible in editions that have finished "
        "(each certificate once)."
    ),
)
def certificates_issue() -> str:
    editions = edition_list_finished(within_days=None)
    issued = sum(
        len(certificates_issue_for_edition(edition=edition)) for edition in editions
    )
    return _("Editions checked: %(editions)d. Certificates issued: %(issued)d.") % {
        "editions": len(editions),
        "issued": issued,
    }
