from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"

    def ready(self):
        from wagtail.signals import page_published

        from .changes import on_event_published
        from .models import EventPage

        page_published.connect(on_event_published, sender=EventPage, dispatch_uid="event_changes")
