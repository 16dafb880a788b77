"""Views of the accounts app: the profile page, the language switch and unsubscribing."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from lms.accounts import notifications, services
from lms.accounts.forms import ProfileForm


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        translation.activate(request.user.preferred_language)
        messages.success(request, _("Your profile has been saved."))
        response = redirect("account_profile")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            request.user.preferred_language,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        return response
    return render(request, "accounts/profile.html", {"form": form})


@require_POST
def set_language(request):
    """Django's language switch, which also remembers the choice on a signed-in user."""
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=request.POST.get("language", ""))
    return django_set_language(request)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, topic: str, token: str):
    """The link at the foot of every digest and reminder, usable without signing in: GET asks
    for confirmation, POST unsubscribes. Mail clients' one-click unsubscribe (RFC 8058) POSTs
    here directly without a CSRF token; the signed token is what authorises the change."""
    user = notifications.user_from_unsubscribe_token(topic=topic, token=token)
    if user is None:
        return render(request, "accounts/unsubscribe_invalid.html", status=400)
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        if request.method == "POST":
            notifications.user_set_subscription(user=user, topic=topic, subscribed=False)
        context = {
            "topic_label": notifications.Topic(topic).label,
            "subscribed": notifications.user_wants(user, topic),
            "email": user.email,
        }
        response = render(request, "accounts/unsubscribe.html", context)
    response["Content-Language"] = language
    return response
