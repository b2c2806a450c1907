"""Forms of the forum pages; they check shape only, the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import FlagReason, ThreadMode
from .models import Thread
from .services import POST_MAX_LENGTH


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        max_length=POST_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Plain text with light formatting: **bold**, *italic*, [link](https://…), "
            "lists starting with “- ”, `code` and quotes starting with “> ”."
        ),
    )
    quote = forms.IntegerField(required=False, widget=forms.HiddenInput)


class PostEditForm(forms.Form):
    body = forms.CharField(
        label=_("Text"),
        max_length=POST_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=FlagReason.choices)


class ThreadForm(forms.Form):
    title = forms.CharField(
        label=_("Question or topic"),
        max_length=Thread._meta.get_field("title").max_length,
        help_text=_("The thread's title, as its readers will see it."),
    )
    mode = forms.ChoiceField(
        label=_("Mode"),
        choices=ThreadMode.choices,
        initial=ThreadMode.NORMAL,
        widget=forms.RadioSelect,
    )
