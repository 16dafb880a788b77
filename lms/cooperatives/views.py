"""Pages for learners and managers: my cooperatives, joining, registering, deciding requests,
changing a member's role, adding members and printing their sign-in codes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lms.cooperatives import member_lists, selectors, services
from lms.cooperatives.forms import (
    CooperativeRegisterForm,
    CooperativeSearchForm,
    MemberAddForm,
    MemberListForm,
    MembershipDecisionForm,
    MembershipRoleForm,
)
from lms.cooperatives.models import Cooperative, Membership
from lms.cooperatives.sheets import sheet_cards


@login_required
def my_cooperatives(request):
    memberships = list(selectors.memberships_of_user(user=request.user))
    requests_to_decide = list(selectors.membership_requests_for_manager(user=request.user))
    return render(
        request,
        "cooperatives/my_cooperatives.html",
        {
            "memberships": memberships,
            "requests_to_decide": requests_to_decide,
            "decision_form": MembershipDecisionForm(),
        },
    )


@login_required
def join(request):
    if request.method == "POST":
        chosen = request.POST.get("cooperative", "")
        if not chosen.isdecimal() or not chosen.isascii():
            messages.error(request, _("Choose a cooperative from the list to ask to join it."))
            return redirect("cooperatives:join")
        cooperative = get_object_or_404(Cooperative, pk=chosen)
        membership = services.membership_request(user=request.user, cooperative=cooperative)
        if membership.is_active:
            messages.info(
                request, _("You are already a member of %(name)s.") % {"name": cooperative}
            )
        else:
            messages.success(
                request,
                _("Your request to join %(name)s has been sent. A manager of the cooperative "
                  "will review it.") % {"name": cooperative},
            )
        return redirect("cooperatives:mine")

    form = CooperativeSearchForm(request.GET or None)
    query, province = "", None
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        province = form.cleaned_data["province"]
    cooperatives = selectors.cooperatives_to_join(
        query=query, province_id=province.pk if province else None, user=request.user
    )
    page = Paginator(cooperatives, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "cooperatives/join.html",
        {"form": form, "page": page, "searched": bool(query or province)},
    )


@login_required
def register(request):
    form = CooperativeRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cooperative = services.cooperative_register(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                for message in field_errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(
                request,
                _("%(name)s is registered. You are its manager: approve members as they ask to "
                  "join.") % {"name": cooperative},
            )
            return redirect("cooperatives:detail", pk=cooperative.pk)
    return render(request, "cooperatives/register.html", {"form": form})


@login_required
def cooperative_detail(request, pk):
    cooperative = get_object_or_404(
        Cooperative.objects.select_related("province", "commune", "union"), pk=pk
    )
    if not selectors.cooperative_user_can_view(user=request.user, cooperative=cooperative):
        # Do not confirm that the cooperative exists to people outside it.
        raise Http404
    members = list(selectors.cooperative_members(cooperative=cooperative))
    is_manager = any(m.user_id == request.user.pk and m.is_manager for m in members)
    return render(
        request,
        "cooperatives/cooperative_detail.html",
        {
            "cooperative": cooperative,
            "members": members,
            "is_manager": is_manager,
            "code_allowed": {m.pk for m in members if is_manager and services
                             .member_code_allowed(membership=m, by=request.user)},
            "roles": Membership.Role.choices,
            "can_export": selectors.cooperatives_overseen_by(request.user)
            .filter(pk=cooperative.pk).exists(),
        },
    )


@login_required
@require_POST
def membership_decide(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("cooperative"), pk=pk)
    form = MembershipDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role and decision."))
        return redirect("cooperatives:mine")
    approve = form.cleaned_data["decision"] == "approve"
    try:
        membership = services.membership_decide(
            manager=request.user, membership=membership, approve=approve,
            role=form.cleaned_data["role"],
        )
    except PermissionDenied:
        raise Http404 from None
    if approve:
        messages.success(request, _("%(name)s is now a member.") % {"name": membership.user})
    else:
        messages.info(
            request, _("The request of %(name)s was declined.") % {"name": membership.user}
        )
    return redirect("cooperatives:mine")


@login_required
@require_POST
def membership_role(request, pk):
    """A manager changes an active member's role, from the cooperative's page."""
    membership = get_object_or_404(Membership.objects.select_related("cooperative", "user"),
                                   pk=pk)
    back = redirect("cooperatives:detail", pk=membership.cooperative_id)
    form = MembershipRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
        return back
    try:
        membership = services.membership_role_change(
            manager=request.user, membership=membership, role=form.cleaned_data["role"])
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return back
    messages.success(request, _("%(name)s is now: %(role)s.") % {
        "name": membership.user, "role": membership.get_role_display()})
    return back


def _managed_cooperative(request, pk) -> Cooperative:
    """The cooperative, if the user manages it; 404 for anyone else, as on its page."""
    cooperative = get_object_or_404(Cooperative, pk=pk)
    if not selectors.cooperative_user_manages(user=request.user, cooperative=cooperative):
        raise Http404
    return cooperative


def _sheet(request, cooperative, added, *, title):
    """The sheet of codes, in this response only: the codes are not stored in plain anywhere,
    so it is printed now or a new code is issued later. Never cached."""
    response = render(request, "cooperatives/member_sheet.html", {
        "cooperative": cooperative, "added": added, "cards": sheet_cards(added),
        "title": title,
    })
    response["Cache-Control"] = "no-store, private"
    return response


def _add_page(request, cooperative, *, add_form=None, list_form=None, list_errors=(),
              status=200):
    return render(request, "cooperatives/members_add.html", {
        "cooperative": cooperative,
        "add_form": add_form or MemberAddForm(),
        "list_form": list_form or MemberListForm(),
        "list_errors": list_errors,
        "max_rows": member_lists.MAX_ROWS,
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def members_add(request, pk):
    """A manager adds one person by phone or e-mail (GET: the form, and the list upload)."""
    cooperative = _managed_cooperative(request, pk)
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.member_add(cooperative=cooperative, by=request.user,
                                        **form.cleaned_data)
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                for message in field_errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            name = added.user.display_name
            if added.created:
                messages.success(request, _("%(name)s is now a member. Print the sheet and "
                                            "give it to them.") % {"name": name})
            else:
                messages.success(request, _("%(name)s already had an account and is now a "
                                            "member.") % {"name": name})
            return _sheet(request, cooperative, [added], title=_("New member"))
    status = 400 if request.method == "POST" else 200
    return _add_page(request, cooperative, add_form=form, status=status)


@login_required
@require_POST
def members_import(request, pk):
    """A manager uploads a member list: all added and the sheet printed, or nothing added and
    every problem listed by row."""
    cooperative = _managed_cooperative(request, pk)
    form = MemberListForm(request.POST, request.FILES)
    if not form.is_valid():
        return _add_page(request, cooperative, list_form=form, status=400)
    upload = form.cleaned_data["file"]
    if upload.size > member_lists.MAX_BYTES:
        errors = [(None, _("The file is larger than 2 MB. Split the list into smaller files."))]
        return _add_page(request, cooperative, list_form=form, list_errors=errors, status=400)
    try:
        added = services.members_import(cooperative=cooperative, by=request.user,
                                        data=upload.read(), filename=upload.name)
    except services.MemberListInvalid as invalid:
        return _add_page(request, cooperative, list_form=form, list_errors=invalid.errors,
                         status=400)
    messages.success(request, _("%(count)s people are now members. Print the sheet of codes "
                                "for those who are new.") % {"count": len(added)})
    return _sheet(request, cooperative, added, title=_("New members"))


@login_required
@require_http_methods(["GET"])
def members_template(request):
    response = HttpResponse(member_lists.member_template_csv(),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="danh-sach-thanh-vien.csv"'
    return response


@login_required
@require_POST
def member_code(request, pk):
    """A manager prints a new sign-in code for a member who lost theirs."""
    membership = get_object_or_404(Membership.objects.select_related("cooperative", "user"),
                                   pk=pk)
    try:
        added = services.member_code_renew(membership=membership, by=request.user)
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, _("A new code for %(name)s: their earlier codes no longer "
                                "work.") % {"name": membership.user.display_name})
    return _sheet(request, membership.cooperative, [added], title=_("New code"))
