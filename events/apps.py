from django.apps import AppConfig
from wagtail.signals import page_published


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"

    def ready(self):
        # Imported here: they import models, which Django loads after the apps' configs.
        from wagtail.permissions import register_permission_policy

        from .changes import on_event_published
        from .models import EventPage, Registration
        from .permissions import registration_policy

        register_permission_policy(Registration, registration_policy, exact_class=True)

        page_published.connect(on_event_published, sender=EventPage, dispatch_uid="event_changes")
