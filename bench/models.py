from django.db import models


class Dataset(models.Model):
    """The sizes of the dataset built in the bench database."""

    sizes = models.JSONField()
    built_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.sizes)
