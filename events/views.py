"""Registration and cancellation, reached through the event page's routes."""

from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from . import emails
from . import registration as rules
from .forms import CONSENT_VERSION, RegistrationForm, consent_text
from .tokens import registration_from_token


def register(request, page):
    if request.method != "POST":
        return HttpResponseRedirect(page.url + "#register")
    form = RegistrationForm(request.POST, request=request)
    if form.is_valid():
        try:
            with transaction.atomic():  # the registration and its e-mail, or neither
                registration = rules.register(
                    page,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    organisation=form.cleaned_data.get("organisation", ""),
                    consent_text=consent_text(),
                    consent_version=CONSENT_VERSION,
                    language_code=get_language(),
                )
                emails.send_registration_received(registration, request)
        except rules.RegistrationRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            form.antispam_accepted()
            return TemplateResponse(
                request,
                "events/registration_done.html",
                {"page": page, "self": page, "registration": registration},
            )
    response = page.render(request, context_overrides={"registration_form": form})
    if form.antispam_rate_limited:
        response.status_code = 429
    return response


def cancel_registration(request, page):
    token = request.POST.get("token") or request.GET.get("token", "")
    registration = registration_from_token(token)
    context = {"page": page, "self": page, "registration": registration, "token": token}
    if registration is None or registration.shared_event.translation_key != page.translation_key:
        return TemplateResponse(
            request, "events/cancel_registration.html", {**context, "invalid": True}, status=404
        )
    if request.method == "POST" and registration.status != "cancelled":
        with transaction.atomic():
            promoted = rules.cancel(registration)
            registration.refresh_from_db()
            emails.send_cancellation_confirmed(registration, request)
            if promoted:
                emails.send_promoted(promoted, request)
        context["cancelled_now"] = True
    return TemplateResponse(request, "events/cancel_registration.html", context)
