"""Staff tools for events: the registrations listing with CSV export, confirm/cancel by hand,
and a dashboard panel with the next events and their registration counts.

Registrations use Wagtail's own ModelViewSet rather than wagtail-modeladmin: modeladmin is
in maintenance mode and its listings lack the filters, CSV/XLSX export, bulk layout and
permission policies that viewsets share with the rest of the Wagtail 8 admin.
"""

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from core.exports import FormulaSafeCsvMixin
from outbox.worker import unsent_addresses
from projects.models import ProjectPage

from . import emails
from . import registration as rules
from .calendars import calendar_response
from .models import EventPage, EventStatus, Registration, RegistrationStatus, SharedEvent
from .permissions import editable_events, registration_policy
from .personal_data import REGISTRATIONS_DATA


class RegistrationFilterSet(WagtailFilterSet):
    shared_event = django_filters.ModelChoiceFilter(
        label=_("Event"), queryset=SharedEvent.objects.order_by("-start")
    )
    status = django_filters.ChoiceFilter(choices=RegistrationStatus.choices)
    language_code = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=settings.LANGUAGES,
    )

    email_not_sent = django_filters.BooleanFilter(
        label=_("E-mail not sent"),
        method="filter_email_not_sent",
        help_text=_("Registrations with an e-mail still waiting in the outbox."),
    )

    class Meta:
        model = Registration
        fields = ["shared_event", "status", "language_code"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the events whose registrations the user may see.
        user = self.request.user if self.request else None
        if user is not None and not user.is_superuser:
            keys = editable_events(user).values("translation_key")
            self.filters["shared_event"].queryset = SharedEvent.objects.filter(
                translation_key__in=keys
            ).order_by("-start")

    def filter_email_not_sent(self, queryset, name, value):
        if value is None:
            return queryset
        unsent = unsent_addresses()
        return queryset.filter(email__in=unsent) if value else queryset.exclude(email__in=unsent)


class ScopedToEditableEvents:
    """Generic views of registrations only reach those of events the user may edit."""

    def get_object(self, queryset=None):
        registration = super().get_object(queryset)
        if not registration_policy.user_has_any_permission_for_instance(
            self.request.user, [self.permission_required or "view"], registration
        ):
            raise PermissionDenied
        return registration


class RegistrationIndexView(FormulaSafeCsvMixin, generic.IndexView):
    def get_base_queryset(self):
        return registration_policy.instances_user_has_any_permission_for(
            self.request.user, ["view"]
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.purged_at or not self.permission_policy.user_has_permission(
            self.request.user, "change"
        ):
            return buttons
        # In the row's "More" menu, where labels have room (inline listing buttons in the
        # name column were too narrow: their text was clipped).
        for action, label, icon, allowed in STAFF_ACTIONS:
            if instance.status in allowed:
                buttons.append(
                    MenuItem(
                        label,
                        url=reverse(f"registrations:{action}", args=[instance.pk]),
                        icon_name=icon,
                        priority=5,
                    )
                )
        return buttons


S = RegistrationStatus
# (action, button label, icon, statuses it applies to)
STAFF_ACTIONS = [
    ("approve", _("Approve"), "check", [S.REQUESTED]),
    ("decline", _("Decline"), "cross", [S.REQUESTED]),
    ("confirm", _("Confirm"), "check", [S.UNCONFIRMED, S.WAITING, S.DECLINED, S.CANCELLED]),
    ("cancel", _("Cancel registration"), "cross", [S.UNCONFIRMED, S.CONFIRMED, S.WAITING]),
]
RULES = {
    "approve": rules.approve,
    "decline": rules.decline,
    "confirm": rules.confirm,
    "cancel": rules.cancel,
}


class RegistrationEditView(ScopedToEditableEvents, generic.EditView):
    pass


class RegistrationDeleteView(ScopedToEditableEvents, generic.DeleteView):
    pass


class RegistrationViewSet(ModelViewSet):
    model = Registration  # permission policy: events.permissions (registered in apps.py)
    edit_view_class = RegistrationEditView
    delete_view_class = RegistrationDeleteView
    icon = "user"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    name = "registrations"
    index_view_class = RegistrationIndexView
    list_display = [
        "name",
        "email",
        "organisation",
        "shared_event",
        "status",
        "language_code",
        "created_at",
    ]
    list_filter = RegistrationFilterSet
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None
    ordering = ["shared_event", "created_at"]
    list_export = [
        "shared_event",
        "name",
        "email",
        "organisation",
        "status",
        "language_code",
        "created_at",
        "promoted_at",
        "cancelled_at",
        "consent_version",
        "consented_at",
    ]
    export_filename = "registrations"
    copy_view_enabled = False
    form_fields = ["name", "email", "organisation"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"{action}/<int:pk>/", self.staff_action(action), name=action)
            for action, *_rest in STAFF_ACTIONS
        ]

    def staff_action(self, action):
        viewset = self

        def view(request, pk):
            registration = get_object_or_404(Registration, pk=pk)
            if not viewset.permission_policy.user_has_permission_for_instance(
                request.user, "change", registration
            ):
                raise PermissionDenied
            if request.method == "POST":
                with transaction.atomic():  # the change and its e-mails, or neither
                    before = registration.status
                    result = RULES[action](registration)
                    registration.refresh_from_db()
                    if registration.status != before:
                        if before == S.WAITING and registration.status == S.CONFIRMED:
                            emails.send_promoted(registration, request)
                        else:
                            emails.send_status(registration, request)
                    if action == "cancel" and result is not None:
                        emails.send_promoted(result, request)
                return redirect(
                    reverse("registrations:index") + f"?shared_event={registration.shared_event_id}"
                )
            return TemplateResponse(
                request,
                "events/admin/registration_action.html",
                {
                    "registration": registration,
                    "action": action,
                    "header_title": registration.name,
                },
            )

        return view


registration_viewset = RegistrationViewSet()


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


class UpcomingEventsPanel(Component):
    """The next events with their places taken and waiting lists, on the admin dashboard."""

    name = "upcoming_events"
    order = 90
    template_name = "events/admin/upcoming_events_panel.html"

    def get_context_data(self, parent_context):
        active = Q(
            registrations__status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
        )
        events = (
            SharedEvent.objects.filter(end__gte=timezone.now())
            .annotate(
                confirmed=Count(
                    "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
                ),
                waiting=Count(
                    "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
                ),
                active=Count("registrations", filter=active),
            )
            .annotate(
                # The status is synchronised across languages: any live version tells it.
                status=Subquery(
                    EventPage.objects.live()
                    .filter(translation_key=OuterRef("translation_key"))
                    .order_by("pk")
                    .values("status")[:1]
                )
            )
            .order_by("start")[:8]
        )
        for event in events:
            is_announced = event.status and event.status != EventStatus.SCHEDULED
            event.status_label = EventStatus(event.status).label if is_announced else ""
        return {"events": events, "registrations_url": reverse("registrations:index")}


@hooks.register("construct_homepage_panels")
def add_upcoming_events_panel(request, panels):
    if request.user.has_perm("events.view_registration") or request.user.is_superuser:
        panels.append(UpcomingEventsPanel())


@hooks.register("serve_page_file")
def project_calendar(page, request, filename):
    """`<project url>calendar.ics`: every event of one project, to subscribe to."""
    if filename == "calendar.ics" and isinstance(page, ProjectPage):
        return calendar_response(
            page.get_events().order_by("start"),
            filename=f"{page.slug}-events.ics",
            request=request,
            name=f"PACTESUR – {page.title}",
        )
    return None


@hooks.register("register_personal_data")
def registrations_personal_data():
    """Registrations in the privacy tools' export and erasure (privacy/personal_data.py)."""
    return REGISTRATIONS_DATA
