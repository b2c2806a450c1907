"""The site's account pages: sign in and out, passwords and the profile."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy, translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from learning.preparation.selectors import reminder_days_for_users
from learning.preparation.services import reminder_preference_set

from .forms import EmailAuthenticationForm, PasswordResetRequestForm, ProfileForm
from .services import user_admin_profile_sync


def programme_url(language: str | None = None) -> str:
    """ "My programme" in `language` (else the current one)."""
    with translation.override(language or translation.get_language()):
        return reverse("participants:home")


class LoginView(auth_views.LoginView):
    """Sign in with an email address; then "My programme" in the user's language.

    Access: anyone; a signed-in visitor is sent straight on.
    """

    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        language = getattr(self.request.user, "preferred_language", None)
        if language not in dict(settings.LANGUAGES):
            language = None
        return programme_url(language)


class LogoutView(auth_views.LogoutView):
    """Sign out (POST only), back to the home page in the current language.

    Access: anyone; signing out when signed out does no harm.
    """

    def get_default_redirect_url(self) -> str:
        return f"/{translation.get_language()}/"


class PasswordSetView(auth_views.PasswordResetConfirmView):
    """Choose a password from an invitation or reset link, then land signed in.

    Access: whoever holds a valid one-time link (uidb64 + token).
    """

    template_name = "accounts/password_set.html"
    post_reset_login = True

    def get_success_url(self) -> str:
        return programme_url()


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for an email with a link to choose a new password.

    Access: anyone; the page says the same whether the address is known or not.
    """

    template_name = "accounts/password_reset.html"
    form_class = PasswordResetRequestForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    """Tell the visitor to look for the email.

    Access: anyone.
    """

    template_name = "accounts/password_reset_done.html"


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """A person's name, language, time zone and meeting reminders; saving switches
    the site language.

    Access: signed-in users only, for their own account.
    """
    days = reminder_days_for_users(user_ids=[request.user.pk])[request.user.pk]
    form = ProfileForm(
        request.POST or None,
        instance=request.user,
        initial={"meeting_reminder_days": days},
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            days = form.cleaned_data["meeting_reminder_days"]
            if days is not None:
                reminder_preference_set(user=user, days=days)
        user_admin_profile_sync(user=user)
        language = user.preferred_language
        with translation.override(language):
            messages.success(request, _("Your profile is saved."))
        response = redirect(translate_url(request.path, language))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        return response
    return render(request, "accounts/profile.html", {"form": form})
