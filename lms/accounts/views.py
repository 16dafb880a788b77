"""Views of the accounts app: the profile page, the person's notices, the person's data
download, closing the account, the language switch and unsubscribing."""

import json

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from lms.accounts import closing, notifications, services
from lms.accounts import notices as notices_service
from lms.accounts.forms import AccountCloseForm, ProfileForm


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


@login_required
@require_http_methods(["GET"])
def notices(request):
    """The person's notices, newest first; looking at them marks them read."""
    shown = notices_service.notices_for(user=request.user)
    unread = {notice.pk for notice in shown if notice.read_at is None}
    items = [{"notice": notice, "text": notices_service.notice_text(notice),
              "unread": notice.pk in unread} for notice in shown]
    if request.user.unread_notices or unread:
        notices_service.notices_mark_read(user=request.user)
    return render(request, "accounts/notices.html", {"items": items})


@login_required
@require_http_methods(["GET"])
def data_download(request):
    """The person's own data as one JSON file, built now (it is small): profile, memberships,
    enrollments and progress, quiz attempts, certificates, what they answered, e-mails sent."""
    data = {
        "generated_at": timezone.now().isoformat(),
        **closing.personal_data(user=request.user),
    }
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="du-lieu-cua-toi.json"'
    response["Cache-Control"] = "no-store, private"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_close(request):
    """Close one's own account: GET says what goes and what stays; POST, with the password
    again and the box ticked, closes it, signs the person out and says so. Someone who is the
    last manager of a cooperative with other members is asked to hand over first."""
    blockers = closing.account_close_blockers(user=request.user)
    form = AccountCloseForm(request.POST or None, user=request.user)
    if request.method == "POST" and not blockers:
        # allauth's limit on re-authentication: the password cannot be guessed here at speed.
        if not ratelimit.consume(request, action="reauthenticate", user=request.user):
            form.add_error(None, _("Too many attempts. Wait a minute and try again."))
        elif form.is_valid():
            closing.account_close(request.user, by=request.user)
            logout(request)
            messages.success(request, _("Your account has been closed and your personal data "
                                        "deleted. Thank you for learning with us."))
            return redirect("/")
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/close.html", {"form": form, "blockers": blockers},
                  status=status)


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
