from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ModulePageForm(WagtailAdminPageForm):
    """Keeps a programme to one module that every participant takes first."""

    def clean(self) -> dict[str, Any]:
        cleaned_data: dict[str, Any] = super().clean()
        if not cleaned_data.get("is_required_first"):
            return cleaned_data
        parent = self.parent_page
        if parent is None:
            return cleaned_data
        siblings = (
            type(self.instance).objects.child_of(parent).filter(is_required_first=True)
        )
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        if siblings.exists():
            self.add_error(
                "is_required_first",
                _("Another module of this programme is already required first."),
            )
        return cleaned_data
