"""Visitors' registrations for an event (the rules that change them: events/registration.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import RegistrationStatus
from .shared import SharedEvent


class Registration(models.Model):
    """A visitor's registration for an event, in whichever language they registered.

    It starts as a request that holds nothing (UNCONFIRMED) until the visitor opens the link
    e-mailed to the address; unconfirmed requests expire. Then it holds a place or a
    waiting-list rank, or, for events that need approval, waits for staff (REQUESTED).
    Consent is stored with the exact text shown and its version. Personal data is purged
    a set number of days after the event (see the purge_registrations command), keeping
    the row and its status so that the counts stay right.
    """

    shared_event = models.ForeignKey(
        SharedEvent, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    page = models.ForeignKey(
        "events.EventPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        help_text=_("The event page (in the visitor's language) used to register."),
    )
    language_code = models.CharField(max_length=8, default=settings.LANGUAGE_CODE)
    status = models.CharField(max_length=16, choices=RegistrationStatus.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    consent_text = models.TextField()
    consent_version = models.CharField(max_length=32)
    consented_at = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("An unconfirmed request is dropped if its address is not confirmed by then."),
    )
    address_confirmed_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)
    held_since = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When it first held a place or a waiting-list rank (the list's order)."),
    )
    last_emailed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("The last confirmation link or reminder of an existing registration sent."),
    )
    reminded_for = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("The start time the reminder was sent for (a new date gets a new reminder)."),
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the registration moved up from the waiting list.")
    )
    purged_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the personal data was erased.")
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["shared_event", "email"],
                condition=models.Q(status__in=["unconfirmed", "requested", "confirmed", "waiting"]),
                name="one_live_registration_per_email_per_event",
            )
        ]
        indexes = [models.Index(fields=["shared_event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} <{self.email}>"
