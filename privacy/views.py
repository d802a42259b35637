"""Admin: export or erase everything held about one e-mail address (GDPR requests)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import personal_data

PERMISSION = "privacy.manage_personal_data"


def user_can_manage_personal_data(user):
    return user.is_active and user.has_perm(PERMISSION)


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    confirm = forms.BooleanField(
        label=_("I confirm: erase this person's data. This cannot be undone."), required=False
    )


class PersonalDataView(WagtailAdminTemplateMixin, TemplateView):
    """Find a person's registrations and form submissions by e-mail address, then download
    them as JSON or erase them. Everything goes by POST, so addresses stay out of URLs and
    server logs; each export and erasure is recorded (without the address)."""

    template_name = "privacy/admin/personal_data.html"
    page_title = _("Personal data")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_manage_personal_data(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return []

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=PersonalDataForm()))

    def post(self, request, *args, **kwargs):
        form = PersonalDataForm(request.POST)
        action = request.POST.get("action", "find")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        email = personal_data.normalise(form.cleaned_data["email"])
        if action == "export":
            body = personal_data.export_json(email, user=request.user, via="admin")
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            stamp = timezone.now().strftime("%Y%m%d-%H%M")
            response["Content-Disposition"] = f'attachment; filename="personal-data-{stamp}.json"'
            return response
        if action == "erase":
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", _("Tick the box to confirm the erasure."))
            else:
                erased, deleted = personal_data.erase(email, user=request.user, request=request)
                messages.success(
                    request,
                    _(
                        "Erased %(registrations)s registration(s) and deleted %(submissions)s "
                        "form submission(s)."
                    )
                    % {"registrations": erased, "submissions": deleted},
                )
                return redirect("privacy:personal_data")
        data = personal_data.collect(email)
        return self.render_to_response(self.get_context_data(form=form, found=data))
