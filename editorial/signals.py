"""Signal handlers: keep the roles in step with new languages and pages, and remember which
source fields changed for translations that have not been saved since."""

import json

from django.contrib.auth.models import Group
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone
from wagtail.models import Page

from .models import PendingSourceChange, TranslatorGroup
from .roles import EDITORS, MODERATORS, sync_editorial_roles, sync_for_new_page
from .source_changes import changed_field_names


def sync_roles_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """After every `migrate`: translator groups for new languages, their permissions on the
    home pages of their language, the review workflow on news and events indexes (and the
    staff roles again if their groups are gone, e.g. after `flush`)."""
    if TranslatorGroup._meta.db_table not in connections[using].introspection.table_names():
        return  # editorial migrated back to zero
    staff_missing = Group.objects.using(using).filter(name__in=[EDITORS, MODERATORS]).count() < 2
    sync_editorial_roles(using=using, install=staff_missing)


def sync_roles_for_new_page(sender, instance, created, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    """A language's home page or a news/events index was just created (by the demo loader,
    wagtail-localize's tree synchronisation, a translation, the admin…)."""
    if not created or raw or not isinstance(instance, Page):
        return
    sync_for_new_page(instance, using=using)


def remember_changed_source_fields(sender, instance, raw=False, **kwargs):
    """A TranslationSource is about to be refreshed from its original: note, for each of
    its translations, which fields changed (cleared when the translation is saved)."""
    if raw or instance.pk is None:
        return
    old = sender.objects.filter(pk=instance.pk).values_list("content_json", flat=True).first()
    if old is None or old == instance.content_json:
        return
    model = instance.specific_content_type.model_class()
    if model is None:
        return
    names = changed_field_names(model, json.loads(old), json.loads(instance.content_json))
    if not names:
        return
    now = timezone.now()
    for translation in instance.translations.filter(enabled=True):
        pending, created = PendingSourceChange.objects.get_or_create(
            translation=translation, defaults={"fields": names, "since": now}
        )
        if not created:
            pending.fields = list(dict.fromkeys([*pending.fields, *names]))
            pending.save(update_fields=["fields"])


def forget_applied_source_changes(sender, instance, created, raw=False, **kwargs):
    """wagtail-localize logs every save of a translation: its pending changes are applied."""
    if raw or not created:
        return
    PendingSourceChange.objects.filter(
        translation__source_id=instance.source_id,
        translation__target_locale_id=instance.locale_id,
    ).delete()
