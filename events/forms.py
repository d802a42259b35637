"""The visitor's registration form and the editors' event form."""

import datetime
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from privacy.antispam import AntiSpamMixin

# Raise the version whenever the wording below changes: each registration stores the
# text it agreed to and this version.
CONSENT_VERSION = "2026-11"


def consent_text():
    return gettext(
        "I agree that the PACTESUR consortium stores my name, e-mail address and organisation "
        "to manage my registration for this event, and erases them after the event as the "
        "privacy notice explains."
    )


class RegistrationForm(AntiSpamMixin, forms.Form):
    """Pass `request=` for the rate limit (privacy.antispam)."""

    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_(
            "We send you a link to confirm your registration: a place is held for you once "
            "you open it."
        ),
    )
    organisation = forms.CharField(
        label=pgettext_lazy("registration form", "Organisation"),
        max_length=200,
        required=False,
        help_text=_("Optional: the city, police force or body you work for."),
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my data for this registration"),
        error_messages={"required": _("Please give your consent so that we can register you.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["organisation"].widget.attrs.update(autocomplete="organization")
        self.fields["consent"].help_text = consent_text()

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please give your name."))
        return name


LOCAL_TIME_FIELDS = (
    "start",
    "end",
    "previous_start",
    "registration_opens_at",
    "registration_closes_at",
)


class EventPageForm(WagtailAdminPageForm):
    """Editors type times as they are on the event's clock, whatever their own time zone:
    "9:00" for a workshop in Liège means 9:00 in Brussels."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tz = self._event_zone(self.instance.timezone)
        for name in LOCAL_TIME_FIELDS:
            value = getattr(self.instance, name, None)
            if name in self.fields and value is not None and name not in self.data:
                self.initial[name] = timezone.localtime(value, tz).replace(tzinfo=None)
            if name in self.fields:
                self.fields[name].help_text = (
                    f"{self.fields[name].help_text} "
                    + gettext("Enter the time as it is in the event's time zone.")
                ).strip()

    @staticmethod
    def _event_zone(name):
        try:
            return zoneinfo.ZoneInfo(name or "Europe/Brussels")
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("Europe/Brussels")

    def clean(self):
        cleaned = super().clean()
        tz = self._event_zone(cleaned.get("timezone"))
        for name in LOCAL_TIME_FIELDS:
            value = cleaned.get(name)
            if isinstance(value, datetime.datetime):
                # The form read the wall-clock time in the editor's zone; re-read it in the event's.
                wall_clock = (
                    timezone.localtime(value).replace(tzinfo=None)
                    if timezone.is_aware(value)
                    else value
                )
                cleaned[name] = wall_clock.replace(tzinfo=tz)
        return cleaned


class UrgentStatusForm(forms.Form):
    """A cancellation or a postponement, published at once by an editor without waiting
    for the moderators' review (the view is editorial.urgent; the event's other fields
    are not in this form, so nothing else can be published that way)."""

    URGENT_STATUSES = ("cancelled", "postponed")

    status = forms.ChoiceField(label=_("The event is"), widget=forms.RadioSelect)
    status_note = forms.CharField(
        label=_("Note for visitors and registrants"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Why, and what happens next (a new date will be announced, refunds…)."),
    )

    def __init__(self, *args, instance, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "status": instance.status if instance.status in self.URGENT_STATUSES else None,
                "status_note": instance.status_note,
            },
        )
        super().__init__(*args, **kwargs)
        choices = type(instance)._meta.get_field("status").choices
        self.fields["status"].choices = [
            (value, label) for value, label in choices if value in self.URGENT_STATUSES
        ]

    def apply(self, event):
        """Set the chosen status and note on `event` (a page or a revision of it)."""
        event.status = self.cleaned_data["status"]
        event.status_note = self.cleaned_data["status_note"]

    def describe(self):
        """The change in words, for the page history and the moderators' e-mail."""
        status = dict(self.fields["status"].choices)[self.cleaned_data["status"]]
        return f"{status}: {self.cleaned_data['status_note']}"
