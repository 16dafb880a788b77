"""Certificates for their holders ("My certificates", download), for anyone (verification) and
for trainers and officers (revoke, re-issue, ask for ZIPs; their page is lms.exports')."""

import io

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from certification.certificates import selectors, services
from certification.certificates.codes import code_normalise
from lms.cooperatives.models import Cooperative, Province
from lms.cooperatives.selectors import in_vietnamese_order, provinces_overseen_by
from lms.exports.selectors import exports_recent

VERIFY_LIMIT = 30  # look-ups per minute per address: enough for a person, not for guessing


@login_required
def my_certificates(request):
    return render(request, "certification/certificates/my_certificates.html",
                  {"certificates": list(selectors.certificates_of(user=request.user))})


@never_cache
@login_required
def certificate_pdf(request, code):
    """The PDF as services hand it out: a certificate that is not valid says so across it."""
    certificate = selectors.certificate_by_code(code_normalise(code))
    if certificate is None or not selectors.certificate_user_can_download(
            user=request.user, certificate=certificate):
        raise Http404
    content = services.certificate_pdf_content(certificate=certificate)
    if content is None:
        messages.error(request, _("The PDF could not be made yet. Please try again later."))
        return redirect("certification:mine")
    return FileResponse(io.BytesIO(content), as_attachment=True,
                        filename=f"chung-chi-{certificate.code_grouped}.pdf",
                        content_type="application/pdf")


@never_cache
def verify(request, code=None):
    """Anyone may check a certificate: its status, holder, what and when, and the issuer."""
    typed = code or request.GET.get("code", "")
    normalised = code_normalise(typed)
    if not normalised:
        return render(request, "certification/certificates/verify.html", {"typed": typed})
    if normalised != code:  # typed in the form, or with dashes or lower case: one address
        return redirect("certification:verify_code", code=normalised)
    # allauth's idea of the client's address, which honours ALLAUTH_TRUSTED_PROXY_COUNT behind a
    # proxy, so verification and login limits count the same visitor.
    address = get_adapter(request).get_client_ip(request)
    if not services.verification_lookup_allowed(address=address, limit=VERIFY_LIMIT):
        return render(request, "certification/certificates/verify.html",
                      {"typed": typed, "rate_limited": True}, status=429)
    certificate = selectors.certificate_by_code(normalised)
    if certificate is None:
        return render(request, "certification/certificates/verify.html",
                      {"typed": typed, "not_found": True}, status=404)
    return render(request, "certification/certificates/verify.html",
                  {"certificate": certificate, "s": certificate.snapshot,
                   "status": certificate.status})


@login_required
def manage_list(request):
    """Trainers, officers and admins: the certificates they may revoke or re-issue."""
    if not (request.user.is_superuser or request.user.has_perm("wagtailadmin.access_admin")):
        raise Http404
    query = request.GET.get("q", "").strip()[:100]
    certificates = selectors.certificates_managed_by(user=request.user, query=query)
    without_pdf = request.GET.get("pdf") == "missing"
    if without_pdf:
        certificates = certificates.filter(pdf="")
    page = Paginator(certificates, 50).get_page(request.GET.get("page"))
    return render(request, "certification/certificates/manage_list.html",
                  {"page": page, "query": query, "without_pdf": without_pdf})


@login_required
def certificate_manage(request, code):
    certificate = selectors.certificate_by_code(code_normalise(code))
    if certificate is None or not selectors.certificate_user_can_manage(
            user=request.user, certificate=certificate):
        raise Http404
    error = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "revoke":
                services.certificate_revoke(certificate=certificate, by=request.user,
                                            reason=request.POST.get("reason", ""))
                messages.success(request, _("The certificate is revoked."))
                return redirect("certification:manage", code=certificate.code)
            if action == "reissue":
                new = services.certificate_reissue(certificate=certificate, by=request.user)
                services.certificate_render_pdf(certificate_id=new.pk)
                messages.success(request, _("A new certificate replaces this one."))
                return redirect("certification:manage", code=new.code)
            if action == "render" and not certificate.pdf:
                services.certificate_render_again(certificate=certificate, by=request.user)
                certificate.refresh_from_db()
                if certificate.pdf:
                    messages.success(request, _("The PDF has been made."))
                else:
                    messages.success(request, _("The PDF is being made again. Come back in a "
                                                "few minutes."))
                return redirect("certification:manage", code=certificate.code)
        except ValidationError as exc:
            error = exc.messages[0]
    return render(request, "certification/certificates/manage.html", {
        "certificate": certificate, "s": certificate.snapshot, "error": error,
        "reason": request.POST.get("reason", ""),
    })


@login_required
def exports(request):
    """Officers and admins: ZIPs of the certificates of a cooperative or a province."""
    provinces = provinces_overseen_by(request.user)
    if not provinces.exists():
        raise Http404
    if request.method == "POST":
        cooperative = province = None
        try:
            if request.POST.get("cooperative"):
                cooperative = Cooperative.objects.get(pk=int(request.POST["cooperative"]))
            else:
                province = Province.objects.get(pk=int(request.POST.get("province", "")))
            export = services.certificate_export_request(
                user=request.user, cooperative=cooperative, province=province)
        except (ValueError, Cooperative.DoesNotExist, Province.DoesNotExist, PermissionDenied):
            messages.error(request, _("Choose a cooperative or a province of your scope."))
            return redirect("certification:exports")
        return redirect("exports:detail", pk=export.pk)
    return render(request, "certification/certificates/exports.html", {
        "provinces": in_vietnamese_order(provinces),
        "recent": exports_recent(user=request.user, kind=services.CERTIFICATE_ZIP),
    })
