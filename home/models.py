"""The home page, the standard pages (About, Accessibility, Privacy…) and the contact form."""

from django import forms
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import cache_dependencies, shared_chrome
from core.blocks import BodyBlock, PillarBlock
from core.models import BasePage
from core.utils import localize_related
from events.models import EventPage
from news.models import NewsPage
from projects.models import CityRole, ProjectPage

from . import listings
from .forms import ContactFormMixin, consent_record


class HomePage(BasePage):
    """The root of each language tree: what the consortium does, at a glance."""

    hero_title = models.CharField(max_length=255, help_text=_("The big line at the top."))
    hero_text = models.TextField(blank=True, help_text=_("A short paragraph under it."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    featured_project = models.ForeignKey(
        "projects.ProjectPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The project whose flagship cities, pillars and partners the home page shows. "
            "Defaults to the most recent project."
        ),
    )
    pillars_heading = models.CharField(max_length=255, blank=True)
    pillars = StreamField([("pillar", PillarBlock())], blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("featured_project"),
        FieldPanel("pillars_heading"),
        FieldPanel("pillars"),
        FieldPanel("body"),
    ]

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        SynchronizedField("hero_image"),
        SynchronizedField("featured_project"),
        TranslatableField("pillars_heading"),
        TranslatableField("pillars"),
        TranslatableField("body"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "projects.ProjectIndexPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "home.StandardPage",
        "home.ContactPage",
    ]

    # What its page shows, loaded with it when it is routed (core.routing); its featured
    # project is the one kept with the chrome (get_context).
    route_select_related = ("social_image", "hero_image")

    class Meta:
        verbose_name = _("home page")

    def cache_dependencies(self):
        """Its latest news, next events and featured project (of its own language)."""
        locale = self.locale_id
        return [
            *cache_dependencies.list_tags(NewsPage, locale),
            *cache_dependencies.list_tags(EventPage, locale),
            *cache_dependencies.list_tags(ProjectPage, locale),
        ]

    def get_featured_project(self, active_locale=None):
        """The featured project in the active language (`active_locale`, when the caller
        knows it: no query to find it, nor for the project when it came with the page)."""
        if self.featured_project_id:
            if active_locale is not None:
                # What `.localized` finds: its live translation there, else itself.
                return localize_related(self, "featured_project", active_locale)
            return self.featured_project.localized
        # The most recent project: shown in every page's footer, so they all depend on it.
        locale = self.locale_id
        cache_dependencies.record(*cache_dependencies.list_tags(ProjectPage, locale))
        return (
            ProjectPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .order_by("-start_date")
            .first()
        )

    def route(self, request, path_components):
        """A section (news, events…) and the pages below it are routed from the section kept
        with the site chrome (core.shared_chrome): two queries less for a page below it, one
        for the section itself. Other children are found as Wagtail does."""
        section = None
        if path_components:
            section = shared_chrome.section_for_route(request, self, path_components[0])
        if section is not None:
            if len(path_components) > 1:
                result = section.route(request, path_components[1:])
                if result[0] is not section:
                    return result
            # The section serves itself (its index, its feed): a copy of its own, found by
            # its specific type in one query instead of Wagtail's two.
            page = type(section)._default_manager.filter(pk=section.pk).first()
            if page is not None:
                page._cached_parent_obj = self
                return page.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The featured project and its partners are the footer's (every page shows them),
        # kept with the chrome per content version when it is kept: no query for them.
        shared = shared_chrome.kept_for_home(request, self)
        if shared is not None:
            project, partners = shared.featured_project, shared.partner_cards
        else:
            project = self.get_featured_project(shared_chrome.active_locale(request))
            partners = project.partners_with_roles(locale=self.locale) if project else None
        context["featured_project"] = project
        if project:
            # In this page's language, even when the project is shown untranslated.
            cities = project.cities(role=CityRole.FLAGSHIP, locale=self.locale)
            context["flagship_cities"] = [city for city, _link in cities]
            context["partners"] = partners
        # Their SQL built once per process, restricted pages as kept per content version.
        context["latest_news"] = listings.latest_news(request, self)
        context["next_events"] = listings.next_events(request, self)
        return context


class StandardPage(BasePage):
    """A page of text: About, Accessibility statement, Privacy notice, Legal notice."""

    intro = models.TextField(blank=True, help_text=_("A short lead paragraph."))
    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def cache_dependencies(self):
        return []  # its text and blocks; linked pages are recorded as they load


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form, with its label and help text translated per language."""

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(AbstractFormField.Meta):
        unique_together = [("translation_key", "locale")]


class ContactPage(AbstractEmailForm, BasePage):
    """The contact form: submissions are stored and, when an address is set, e-mailed."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after the form is sent."),
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("thank_you_text"),
        TranslatableField("subject"),
        SynchronizedField("from_address"),
        SynchronizedField("to_address"),
        TranslatableField("form_fields"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    def cache_dependencies(self):
        return []  # its text and form fields (published with it)

    # -- the visitor's form: spam protection and consent (home/forms.py) ------------------

    def get_form_class(self):
        return type("ContactForm", (ContactFormMixin, super().get_form_class()), {})

    def serve(self, request, *args, **kwargs):
        # Wagtail's FormMixin.serve, with the request passed to the form (rate limit, origin).
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(
            request.POST, request.FILES, page=self, user=request.user, request=request
        )
        if form.is_valid():
            submission = self.process_form_submission(form)
            form.antispam_accepted()
            return self.render_landing_page(request, submission, *args, **kwargs)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(
            request, self.get_template(request), context, status=form.antispam_status()
        )

    def serves_public_form(self, route_args):
        """Anonymous POSTs of the contact form are checked by origin and anti-spam token
        instead of Django's CSRF cookie, so that this page can be cached
        (privacy/public_forms.py)."""
        return True

    def get_submissions_list_view_class(self):
        # Imported here as Wagtail does: admin views cannot load while models are loading.
        from .views import ContactSubmissionsListView

        return ContactSubmissionsListView

    def get_data_fields(self):
        # The consent recorded with each submission shows in the admin listing and export.
        return super().get_data_fields() + [
            ("consent_version", _("Consent version")),
            ("consented_at", _("Consent given at")),
        ]

    def process_form_submission(self, form):
        form.cleaned_data.update(consent_record())
        with transaction.atomic():  # the submission and the e-mail to staff, or neither
            return super().process_form_submission(form)

    def send_mail(self, form):
        """The e-mail to staff, queued in the outbox (outbox/worker.py) with the visitor's
        address as Reply-To, so that answering it answers the visitor."""
        addresses = [address.strip() for address in self.to_address.split(",")]
        send_mail(
            self.subject,
            self.render_email(form),
            addresses,
            self.from_address,
            reply_to=self.visitor_addresses(form) or None,
        )

    @staticmethod
    def visitor_addresses(form):
        """The addresses the visitor typed in the form's e-mail fields."""
        return [
            form.cleaned_data[name]
            for name, field in form.fields.items()
            if isinstance(field, forms.EmailField) and form.cleaned_data.get(name)
        ]
