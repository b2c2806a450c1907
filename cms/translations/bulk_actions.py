"""A page bulk action: machine-translate the selected pages into one language and
send them to that language's review, in one step
(services.translation_machine_review)."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.models import Locale

from .selectors import translation_locales
from .services import translation_machine_review


class MachineReviewForm(forms.Form):
    locale = forms.ModelChoiceField(
        queryset=Locale.objects.exclude(language_code=settings.LANGUAGE_CODE),
        label=_("Language"),
        to_field_name="language_code",
        empty_label=None,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].queryset = Locale.objects.filter(
            pk__in=[locale.pk for locale in translation_locales()]
        ).order_by("language_code")


class MachineTranslateForReviewBulkAction(PageBulkAction):
    """Who: editors and reviewers, for the pages they may edit; the service refuses
    a page whose translation they could not publish themselves."""

    display_name = _("Machine translate for review")
    action_type = "machine_translate_for_review"
    aria_label = _("Machine translate the selected pages and send them to review")
    template_name = "translations/bulk_machine_review.html"
    action_priority = 70
    form_class = MachineReviewForm

    def check_perm(self, page):
        return page.permissions_for_user(self.request.user).can_edit()

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "locale": self.cleaned_form.cleaned_data["locale"],
        }

    @classmethod
    def execute_action(cls, objects, locale=None, user=None, **kwargs):
        done = skipped = 0
        for page in objects:
            try:
                # Each page on its own: one refusal leaves the others done.
                with transaction.atomic():
                    translation_machine_review(source=page, locale=locale, user=user)
            except (ValidationError, PermissionDenied):
                skipped += 1
            else:
                done += 1
        return done, skipped

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = ngettext(
            "%(count)d page was machine-translated and sent to review.",
            "%(count)d pages were machine-translated and sent to review.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
        if num_child_objects:
            message += " " + ngettext(
                "%(count)d page was skipped: it is in review already, its parent "
                "page is not translated yet, or you may not publish it.",
                "%(count)d pages were skipped: they are in review already, their "
                "parent page is not translated yet, or you may not publish them.",
                num_child_objects,
            ) % {"count": num_child_objects}
        return message
