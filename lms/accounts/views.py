"""Views of the accounts app: the profile page and the language switch."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from lms.accounts import services
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
