"""The admin's Privacy dialog for a page whose privacy its other languages share
(core/restrictions.py): it says so, and only a user who may set the privacy of every one of
those pages may change it (a translator cannot lift the English page's restriction from the
French copy). Routed before Wagtail's own view in config/urls.py."""

from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from wagtail.admin.views.page_privacy import SetPrivacyView
from wagtail.models import Page

from .restrictions import counterparts


class SharedPrivacyView(SetPrivacyView):
    """Wagtail's Privacy dialog for a privacy that the page shares with its counterparts."""

    def counterpart_pages(self):
        ids = counterparts(self.page.pk) - {self.page.pk}
        return list(Page.objects.filter(pk__in=ids).select_related("locale").order_by("path"))

    @staticmethod
    def _languages(pages):
        return get_text_list(sorted({page.locale.get_display_name() for page in pages}), _("and"))

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        others = self.counterpart_pages()
        if others:
            form.fields["restriction_type"].help_text = _(
                "This page shares its privacy with its other languages (%(languages)s): "
                "what you choose here applies to them too."
            ) % {"languages": self._languages(others)}
        return form

    def form_valid(self, form):
        user = self.request.user
        denied = [
            page
            for page in self.counterpart_pages()
            if not page.permissions_for_user(user).can_set_view_restrictions()
        ]
        if denied:
            form.add_error(
                "restriction_type",
                _(
                    "The privacy of this page is shared by its other languages, and you may "
                    "not change it for %(languages)s. Ask an editor to change it."
                )
                % {"languages": self._languages(denied)},
            )
            return self.form_invalid(form)
        return super().form_valid(form)
