"""The registration counts on the event's edit view, for everyone who may edit the event,
with a link to the list of registrations for those whose role lets them see it."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.permissions import policy_registry


class RegistrationCountsPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Registrations so far"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/registration_counts_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk and self.instance.registration_enabled)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            registrations = self.instance.registrations.model.objects.filter(
                shared_event__translation_key=self.instance.translation_key
            )
            counts = dict(registrations.values_list("status").annotate(n=Count("pk")).order_by())
            shared = registrations.values_list("shared_event_id", flat=True).first()
            policy = policy_registry.get_by_type(self.instance.registrations.model)
            may_see = policy.may_see_registrations_of(self.request.user, self.instance)
            context.update(
                counts=counts,
                capacity=self.instance.capacity,
                registrations_url=(
                    reverse("registrations:index") + (f"?shared_event={shared}" if shared else "")
                    if may_see
                    else None
                ),
            )
            return context
