"""What the editorial roles need to remember beyond Django's groups and Wagtail's permissions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslatorGroup(models.Model):
    """Marks a user group as the translators of one language.

    Members may edit and publish the content of that language only (its page tree and
    its partner and city snippets). One such group is created for every language
    except the default one (see `editorial.roles`); administrators may mark more.
    """

    group = models.OneToOneField(
        "auth.Group",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="translator_language",
        verbose_name=_("group"),
        help_text=_("The user group whose members translate into the language below."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.CASCADE,
        related_name="translator_groups",
        verbose_name=_("language"),
        help_text=_("The only language the members of the group may edit."),
    )

    class Meta:
        verbose_name = _("translator group")
        verbose_name_plural = _("translator groups")

    def __str__(self):
        return f"{self.group} → {self.locale}"


class PendingSourceChange(models.Model):
    """The fields of a source that changed since this translation was last saved.

    Written when a translation source is refreshed from its (changed) original and
    removed when the translation is saved again (wagtail-localize logs every save of a
    translation), so the translation status report can still name the changed fields
    after "Sync translated pages" was used without publishing.
    """

    translation = models.OneToOneField(
        "wagtail_localize.Translation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="editorial_pending_change",
        verbose_name=_("translation"),
    )
    fields = models.JSONField(
        _("changed fields"), default=list, help_text=_("Names of the source fields that changed.")
    )
    since = models.DateTimeField(_("since"), help_text=_("When the source was refreshed."))

    class Meta:
        verbose_name = _("pending source change")
        verbose_name_plural = _("pending source changes")

    def __str__(self):
        return f"{self.translation_id}: {', '.join(self.fields)}"
