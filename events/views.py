"""Registration, address confirmation and cancellation, reached through the event page's
routes. Every change and the e-mails it causes are committed together (outbox/worker.py)."""

from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from . import emails
from . import registration as rules
from .choices import LIVE
from .forms import CONSENT_VERSION, RegistrationForm, consent_text
from .tokens import registration_from_confirm_token, registration_from_token


def register(request, page):
    """A registration request. The answer is the same whatever the address (new, already
    registered, asked too often): only its owner learns more, by e-mail."""
    if request.method != "POST":
        return HttpResponseRedirect(page.url + "#register")
    form = RegistrationForm(request.POST, request=request)
    if form.is_valid():
        email = form.cleaned_data["email"]
        try:
            with transaction.atomic():
                outcome = rules.register(
                    page,
                    name=form.cleaned_data["name"],
                    email=email,
                    organisation=form.cleaned_data.get("organisation", ""),
                    consent_text=consent_text(),
                    consent_version=CONSENT_VERSION,
                    language_code=get_language(),
                )
                if outcome.email:
                    emails.send(outcome.registration, outcome.email, request)
        except rules.RegistrationRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            form.antispam_accepted()
            return TemplateResponse(
                request,
                "events/registration_done.html",
                {
                    "page": page,
                    "self": page,
                    "email": email.strip().lower(),
                    "confirm_hours": rules.confirm_hours(),
                },
            )
    response = page.render(request, context_overrides={"registration_form": form})
    response.status_code = form.antispam_status(response.status_code)
    return response


def _from_link(request, page, find, template):
    """The registration of a signed link (token in the query or the form) and the page's
    context; or the "link not valid" page (404) when it is not one of this event's."""
    token = request.POST.get("token") or request.GET.get("token", "")
    registration = find(token)
    context = {"page": page, "self": page, "registration": registration, "token": token}
    if registration is None or registration.shared_event.translation_key != page.translation_key:
        invalid = TemplateResponse(request, template, {**context, "invalid": True}, status=404)
        return None, context, invalid
    return registration, context, None


def confirm_registration(request, page):
    """The link of the confirmation e-mail: a page with a button (mail scanners that open
    links must not confirm anything), and the confirmation itself on POST."""
    registration, context, invalid = _from_link(
        request, page, registration_from_confirm_token, "events/confirm_registration.html"
    )
    if invalid:
        return invalid
    if request.method == "POST":
        with transaction.atomic():
            before = registration.status
            try:
                registration = rules.confirm_address(registration)
            except rules.RegistrationRefused as refusal:  # a dropped request stays dropped
                context["refusal"] = refusal
            else:
                if registration.status != before:
                    emails.send_status(registration, request)
        context["registration"] = registration
        context["confirmed_now"] = "refusal" not in context
    return TemplateResponse(request, "events/confirm_registration.html", context)


def cancel_registration(request, page):
    registration, context, invalid = _from_link(
        request, page, registration_from_token, "events/cancel_registration.html"
    )
    if invalid:
        return invalid
    if request.method == "POST" and registration.status in LIVE:
        with transaction.atomic():
            promoted = rules.cancel(registration)
            registration.refresh_from_db()
            emails.send_status(registration, request)
            if promoted:
                emails.send_promoted(promoted, request)
        context["cancelled_now"] = True
    return TemplateResponse(request, "events/cancel_registration.html", context)
