"""Representations of content made when it is published, so that a list or a
detail joins stored JSON instead of serialising StreamFields, rich text and
renditions on every request (api.content.stored)."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class StoredRepresentation(models.Model):
    """One object's JSON in its language, as of its live revision: the summary
    (any page), the typed list item and the typed detail. Absolute URLs start with
    a placeholder that each request replaces with its own base URL; the parts that
    depend on the request or on other objects' state (url, parent, fallback,
    translations) are added per request."""

    # The object's base model (Page for every page type), as Wagtail's
    # ReferenceIndex keys objects.
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    # The live revision it was made from (null for an object saved without one).
    revision_id = models.PositiveBigIntegerField(null=True)
    # The shape's version (api.content.stored.FORMAT): a row of another version is
    # made again.
    format = models.PositiveIntegerField()
    summary = models.TextField()
    # Empty for a page type without a typed endpoint.
    item = models.TextField(blank=True)
    detail = models.TextField(blank=True)
    made_at = models.DateTimeField(auto_now=True)
    # The object's `translations` (its translations' ids, URLs and states), which
    # follow other objects than its revision: null until a read makes it again
    # (api.content.stored_translations). A change that clears it also gives a new
    # token, so a read that made the text before that change cannot store it.
    translation_key = models.UUIDField(null=True, db_index=True)
    translations = models.TextField(null=True)  # noqa: DJ001 (null: not made yet)
    translations_token = models.UUIDField(default=uuid.uuid4)

    class Meta:
        verbose_name = _("stored representation")
        verbose_name_plural = _("stored representations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="stored_repr_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}@{self.revision_id}"


class RepresentationDependency(models.Model):
    """A stored representation shows another object (a linked page's title and
    URL, an image's renditions, a snippet's label): a change to that object
    refreshes the representation."""

    holder_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    holder_id = models.PositiveBigIntegerField()
    target_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    target_id = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("representation dependency")
        verbose_name_plural = _("representation dependencies")
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="repr_dep_target"),
            models.Index(fields=["holder_type", "holder_id"], name="repr_dep_holder"),
        ]

    def __str__(self) -> str:
        return f"{self.holder_id} -> {self.target_type_id}:{self.target_id}"
