from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from learning.core import conf


def delivery_language_choices() -> list[tuple[str, str]]:
    """Languages a programme can be delivered or interpreted in."""
    return conf.delivery_languages()


class LanguageListField(models.JSONField):
    """A list of language codes, edited as checkboxes."""

    description = _("list of language codes")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs: Any) -> forms.MultipleChoiceField:
        return forms.MultipleChoiceField(
            choices=delivery_language_choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        super().validate(value, model_instance)
        known = {code for code, _name in delivery_language_choices()}
        unknown = [code for code in value or [] if code not in known]
        if unknown:
            raise forms.ValidationError(
                _("Unknown language code: %(codes)s"),
                code="unknown_language",
                params={"codes": ", ".join(unknown)},
            )
