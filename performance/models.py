"""The generations of the dependency tags, when they cannot live in a shared cache (see
generation.py)."""

from django.db import models


class TagGeneration(models.Model):
    """One row per tag ever raised (e.g. "site", "page:<key>", "list:news.newspage:en"):
    a number raised after each change that affects the pages depending on it."""

    name = models.CharField(max_length=255, primary_key=True)
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "tag generation"

    def __str__(self):
        return f"{self.name}={self.value}"
