"""The surveys' periodic jobs: invite people once an occasion ends; remind once."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.scheduling.registry import scheduled_job

from .selectors import invitation_list_reminder_due, invitation_list_unsent
from .services import (
    invitation_remind,
    invitation_resend,
    survey_invitations_due_create,
)


@scheduled_job(
    name="mel_survey_invitations",
    label=gettext_lazy("Feedback survey invitations"),
    cron="10 * * * *",
    description=gettext_lazy(
        "Invites the people concerned, once, to a programme's feedback surveys "
        "when a meeting, module, edition or event has ended (or a module is "
        "about to start), and sends again the invitations that failed."
    ),
)
def mel_survey_invitations_send() -> str:
    now = timezone.now()
    retried = invitation_list_unsent(now=now)
    for invitation in retried:
        invitation_resend(invitation=invitation)
    invited = survey_invitations_due_create(now=now)
    return _("People invited: %(invited)d; invitations sent again: %(retried)d.") % {
        "invited": invited,
        "retried": len(retried),
    }


@scheduled_job(
    name="mel_survey_reminders",
    label=gettext_lazy("Feedback survey reminders"),
    cron="40 8 * * *",
    description=gettext_lazy(
        "Reminds once the people who have not answered a feedback survey, a few "
        "days before it closes."
    ),
)
def mel_survey_reminders_send() -> str:
    due = invitation_list_reminder_due(now=timezone.now())
    for invitation in due:
        invitation_remind(invitation=invitation)
    return _("Reminders sent: %(count)d.") % {"count": len(due)}
