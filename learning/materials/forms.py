"""The share form: plain input; every rule is checked by shared_material_create."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SharedMaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("A PDF, image, office document, text file or MP4 video."),
    )
    url = forms.CharField(
        label=_("Or a link"),
        required=False,
        max_length=500,
        help_text=_("A web address that starts with http:// or https://."),
    )
