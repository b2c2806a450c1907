"""Forms of the site's account pages: sign-in by email, password reset, profile."""

from functools import cache
from zoneinfo import available_timezones

from django import forms
from django.contrib.auth import forms as auth_forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from learning.preparation.selectors import reminder_days_options

from .models import User
from .tasks import password_reset_email_send


@cache
def time_zone_names() -> list[str]:
    """Every IANA time zone name, sorted; read from disk once."""
    return sorted(available_timezones())


def time_zone_choices() -> list[tuple[str, str]]:
    return [("", _("The programme's time zone")), *((n, n) for n in time_zone_names())]


class EmailAuthenticationForm(auth_forms.AuthenticationForm):
    """Sign in with an email address (any case) and a password."""

    username = auth_forms.UsernameField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )


class PasswordResetRequestForm(auth_forms.PasswordResetForm):
    """Ask for a link to choose a new password; the email goes out as a task."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def get_users(self, email):
        """Active users with this address, also those who never chose a password.

        Django leaves those out (they might sign in elsewhere); here they are
        representatives whose invitation link was lost or has expired.
        """
        users = User.objects.filter(email__iexact=email, is_active=True)
        return (user for user in users if user.email.casefold() == email.casefold())

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        # Django would send it here, in the request; a task sends it instead, in
        # the user's language, once the request's transaction has committed.
        user_id = context["user"].pk
        base_url = f"{context['protocol']}://{context['domain']}"
        transaction.on_commit(
            lambda: password_reset_email_send.enqueue(
                user_id=user_id, base_url=base_url
            ),
            robust=True,
        )


class ProfileForm(forms.ModelForm):
    """The details a person keeps up to date themselves."""

    time_zone = forms.TypedChoiceField(
        label=_("Time zone"),
        choices=time_zone_choices,
        required=False,
        help_text=_(
            "Meeting times are shown in this zone. Leave it empty to see them in "
            "the programme's time zone."
        ),
    )
    meeting_reminder_days = forms.TypedChoiceField(
        label=_("Reminder before meetings"),
        choices=reminder_days_options,
        coerce=int,
        # Left out of a request, the person's setting stays as it is.
        required=False,
        empty_value=None,
        help_text=_(
            "An email with what is still to review and answer before each of your "
            "meetings; none when everything is done."
        ),
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "preferred_language", "time_zone"]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "preferred_language": _("Language"),
        }
        help_texts = {
            "preferred_language": _(
                "The language of the site and of the emails we send you."
            ),
        }
