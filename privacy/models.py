"""A record of what staff did with a person's data (for accountability under the GDPR),
and the permission to do it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonalDataRequest(models.Model):
    """One export or erasure of a person's data. The address itself is not kept: only a
    keyed hash of it, which tells whether the same address was handled before."""

    class Action(models.TextChoices):
        EXPORT = "export", _("Export")
        ERASE = "erase", _("Erasure")

    action = models.CharField(max_length=16, choices=Action.choices)
    email_hash = models.CharField(max_length=64, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    via = models.CharField(max_length=16, default="admin", help_text=_("admin or command"))
    registrations = models.PositiveIntegerField(default=0)
    form_submissions = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        ordering = ["-created_at"]
        default_permissions = ()
        permissions = [
            (
                "manage_personal_data",
                _("Can export and erase a person's registrations and form submissions"),
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"
