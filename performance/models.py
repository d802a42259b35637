"""The content generation, when it cannot live in a shared cache (see generation.py)."""

from django.db import models


class ContentGeneration(models.Model):
    """One row (id 1): a number raised after every change visitors could see."""

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "content generation"

    def __str__(self):
        return str(self.value)
