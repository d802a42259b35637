"""The visitor's side of the contact form: spam protection, consent and sane sizes on top of
the fields editors define with Wagtail's form builder."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from privacy.antispam import AntiSpamMixin

# Raise the version whenever the wording below changes: each submission stores the text
# the visitor agreed to, this version and the time.
CONTACT_CONSENT_VERSION = "2026-11"

# Multi-line fields of the form builder have no length limit of their own.
MAX_TEXT_LENGTH = 5000


def contact_consent_text():
    return gettext(
        "I agree that the PACTESUR consortium stores my message and contact details to reply "
        "to me, and erases them as the privacy notice explains."
    )


def consent_record():
    """What a stored submission keeps of the consent given (in its form_data)."""
    return {
        "consent_text": contact_consent_text(),
        "consent_version": CONTACT_CONSENT_VERSION,
        "consented_at": timezone.now().isoformat(),
    }


class ContactFormMixin(AntiSpamMixin):
    """Mixed into the form class Wagtail's form builder makes for a ContactPage."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = MAX_TEXT_LENGTH
                field.validators.append(MaxLengthValidator(MAX_TEXT_LENGTH))
                field.widget.attrs.setdefault("maxlength", str(MAX_TEXT_LENGTH))
        self.fields["consent"] = forms.BooleanField(
            label=_("I agree to the processing of my data to answer my message"),
            help_text=contact_consent_text(),
            error_messages={"required": _("Please give your consent so that we can reply.")},
        )

    def clean(self):
        cleaned = super().clean()
        cleaned.pop("consent", None)
        return cleaned
