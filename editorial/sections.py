"""The sections of the translation status (Projects, News, Events, Pages, then one per
translatable snippet model): how the table groups what it tracks.

Content models are named by their labels and looked up in the app registry, so that the
editorial app does not import the content apps.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import get_snippet_models


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    models: tuple  # model labels ("news.NewsPage"); empty: every other page type

    def model_classes(self):
        return tuple(apps.get_model(label) for label in self.models)


PAGE_SECTIONS = [
    Section("projects", _("Projects"), ("projects.ProjectIndexPage", "projects.ProjectPage")),
    Section("news", _("News"), ("news.NewsIndexPage", "news.NewsPage")),
    Section("events", _("Events"), ("events.EventIndexPage", "events.EventPage")),
    Section("pages", _("Pages"), ()),
]


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _stable_key(model):
    """ "partners", "cities": the untranslated plural name, whatever the admin language."""
    with override(None):
        return slugify(str(model._meta.verbose_name_plural))


def get_sections():
    """Projects, News, Events, Pages, then one section per translatable snippet model
    (Partners, Cities)."""
    snippet_sections = [
        Section(
            _stable_key(model),
            capfirst(model._meta.verbose_name_plural),
            (model._meta.label,),
        )
        for model in translatable_snippet_models()
    ]
    return PAGE_SECTIONS + snippet_sections


def page_section(page_model, sections):
    for section in sections:
        if section.models and issubclass(page_model, section.model_classes()):
            return section
    return next(section for section in sections if section.key == "pages")
