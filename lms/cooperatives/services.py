"""Writes of the cooperatives app: registering, joining and deciding, managers adding members."""

import datetime
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from lms.accounts.models import Notice, User
from lms.accounts.notices import notice_send
from lms.accounts.phones import phone_display, phone_normalize
from lms.accounts.signin_codes import signin_code_issue
from lms.cooperatives.member_lists import MemberRow, member_rows_read, role_from_text
from lms.cooperatives.models import (
    Commune,
    Cooperative,
    Membership,
    Province,
    registration_code_key,
)
from lms.cooperatives.selectors import cooperative_user_manages


@transaction.atomic
def cooperative_register(
    *,
    user,
    name: str,
    registration_code: str,
    province: Province,
    sector: str,
    commune: Commune | None = None,
    member_count: int = 0,
    founded: datetime.date | None = None,
) -> Cooperative:
    """Register a new cooperative; the user who registers it becomes its manager."""
    if commune is not None and commune.province_id != province.pk:
        raise ValidationError({"commune": _("This commune is not in the chosen province.")})
    registration_code = registration_code_key(registration_code)
    if Cooperative.objects.filter(registration_code=registration_code).exists():
        raise ValidationError(
            {
                "registration_code": _(
                    "A cooperative with this registration code is already on the platform. "
                    "Ask to join it instead."
                )
            }
        )
    cooperative = Cooperative.objects.create(
        name=name,
        registration_code=registration_code,
        province=province,
        commune=commune,
        sector=sector,
        member_count=member_count,
        founded=founded,
        created_by=user,
    )
    Membership.objects.create(
        user=user,
        cooperative=cooperative,
        role=Membership.Role.MANAGER,
        status=Membership.Status.ACTIVE,
        decided_at=timezone.now(),
    )
    return cooperative


def membership_request(*, user, cooperative: Cooperative) -> Membership:
    """Ask to join a cooperative. Asking again returns the existing request; a declined request
    can be made again."""
    membership = Membership.objects.filter(user=user, cooperative=cooperative).first()
    if membership is not None:
        if membership.status == Membership.Status.DECLINED:
            with transaction.atomic():
                # Conditional, so two clicks at once tell the managers once.
                asked_again = Membership.objects.filter(
                    pk=membership.pk, status=Membership.Status.DECLINED
                ).update(status=Membership.Status.PENDING, requested_at=timezone.now(),
                         decided_at=None, decided_by=None)
                membership.refresh_from_db()
                if asked_again:
                    _managers_tell_join_request(membership)
        return membership
    try:
        with transaction.atomic():
            membership = Membership.objects.create(user=user, cooperative=cooperative)
            _managers_tell_join_request(membership)
            return membership
    except IntegrityError:
        # Two clicks at once: the other request won (and told the managers).
        return Membership.objects.get(user=user, cooperative=cooperative)


def _managers_tell_join_request(membership: Membership) -> None:
    managers = Membership.objects.filter(
        cooperative_id=membership.cooperative_id, role=Membership.Role.MANAGER,
        status=Membership.Status.ACTIVE,
    ).select_related("user")
    for manager in managers:
        notice_send(user=manager.user, kind=Notice.Kind.JOIN_REQUESTED,
                    url=reverse("cooperatives:mine"), person=membership.user.display_name,
                    cooperative=membership.cooperative.name)


@transaction.atomic
def membership_decide(
    *, manager, membership: Membership, approve: bool, role: str = Membership.Role.MEMBER
) -> Membership:
    """A manager of the cooperative approves (with a role) or declines a request to join."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not cooperative_user_manages(user=manager, cooperative=membership.cooperative):
        raise PermissionDenied(_("Only a manager of this cooperative can decide on requests."))
    if membership.status != Membership.Status.PENDING:
        return membership
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    membership.status = Membership.Status.ACTIVE if approve else Membership.Status.DECLINED
    if approve:
        membership.role = role
    membership.decided_at = timezone.now()
    membership.decided_by = manager
    membership.save(update_fields=["status", "role", "decided_at", "decided_by"])
    # Only here, past the "still pending" check: deciding twice tells the person once.
    if approve:
        notice_send(user=membership.user, kind=Notice.Kind.JOIN_APPROVED,
                    url=reverse("cooperatives:detail", args=[membership.cooperative_id]),
                    cooperative=membership.cooperative.name)
    else:
        notice_send(user=membership.user, kind=Notice.Kind.JOIN_DECLINED,
                    cooperative=membership.cooperative.name)
    return membership


@transaction.atomic
def membership_role_change(*, manager, membership: Membership, role: str) -> Membership:
    """A manager of the cooperative gives an active member another role: how a manager hands
    over (to close their account, say). A cooperative is never left without a manager: the
    last one cannot step down. Officers and site admins use the admin, not this."""
    membership = Membership.objects.select_for_update().select_related("cooperative") \
        .get(pk=membership.pk)
    if not cooperative_user_manages(user=manager, cooperative=membership.cooperative):
        raise PermissionDenied(_("Only a manager of this cooperative can change roles."))
    if membership.status != Membership.Status.ACTIVE:
        raise ValidationError({"role": _("Only an active member's role can be changed.")})
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    if role == membership.role:
        return membership
    managers = Membership.objects.select_for_update().filter(
        cooperative=membership.cooperative, role=Membership.Role.MANAGER,
        status=Membership.Status.ACTIVE)
    if membership.role == Membership.Role.MANAGER and managers.count() <= 1:
        raise ValidationError({"role": _(
            "The cooperative needs a manager: make another member a manager first.")})
    membership.role = role
    membership.decided_at = timezone.now()
    membership.decided_by = manager
    membership.save(update_fields=["role", "decided_at", "decided_by"])
    return membership


# --- managers adding members -------------------------------------------------------------


@dataclass
class MemberAdded:
    """One person a manager added: `code` is the plain sign-in code of a new account, to print
    now (only its hash is kept)."""

    membership: Membership
    user: User
    created: bool
    code: str | None = None


@dataclass
class _Planned:
    number: int
    full_name: str
    email: str | None
    phone: str | None
    role: str
    user: User | None


def _contact_clean(*, email: str, phone: str) -> tuple[str | None, str | None]:
    """The e-mail (lower case) and phone (canonical), or ValidationError naming what is wrong."""
    email, phone = (email or "").strip(), (phone or "").strip()
    errors = []
    if phone:
        try:
            phone = phone_normalize(phone)
        except ValidationError:
            errors.append(_("The phone number is not valid (write it like 0912 345 678)."))
    if email:
        try:
            validate_email(email)
            email = email.lower()
        except ValidationError:
            errors.append(_("The e-mail address is not valid."))
    if not phone and not email and not errors:
        errors.append(_("Give a phone number or an e-mail address."))
    if errors:
        raise ValidationError(errors)
    return email or None, phone or None


def _existing_account(*, email: str | None, phone: str | None) -> User | None:
    by_phone = User.objects.filter(phone=phone).first() if phone else None
    by_email = User.objects.filter(email__iexact=email).first() if email else None
    if by_phone and by_email and by_phone.pk != by_email.pk:
        raise ValidationError(_("The phone number and the e-mail address belong to two "
                                "different accounts."))
    return by_phone or by_email


def _check_not_member(*, cooperative: Cooperative, user: User | None) -> None:
    if user is not None and Membership.objects.filter(
            user=user, cooperative=cooperative, status=Membership.Status.ACTIVE).exists():
        raise ValidationError(_("%(name)s is already a member of the cooperative.")
                              % {"name": user.display_name})


def _manager_check(*, cooperative: Cooperative, by) -> None:
    if not cooperative_user_manages(user=by, cooperative=cooperative):
        raise PermissionDenied(_("Only a manager of this cooperative can add members."))


def _member_join(*, cooperative: Cooperative, by, planned: _Planned) -> MemberAdded:
    """Make the planned person an active member: their existing account, else a new one
    (no usable password, Vietnamese) with a sign-in code; and tell them."""
    now = timezone.now()
    user, created, code = planned.user, planned.user is None, None
    if created:
        user = User.objects.create_user(
            planned.email, password=None, phone=planned.phone, full_name=planned.full_name,
            preferred_language="vi",
        )
        if planned.email:
            # allauth's record of the address, unverified: the manager typed it, nobody has
            # yet shown it is theirs.
            EmailAddress.objects.create(user=user, email=planned.email, primary=True,
                                        verified=False)
        code = signin_code_issue(user=user, by=by)
    membership, _created = Membership.objects.select_for_update().get_or_create(
        user=user, cooperative=cooperative,
        defaults={"role": planned.role, "status": Membership.Status.ACTIVE,
                  "decided_at": now, "decided_by": by},
    )
    if not _created:
        # A pending or declined request: the manager's adding approves it.
        membership.role, membership.status = planned.role, Membership.Status.ACTIVE
        membership.decided_at, membership.decided_by = now, by
        membership.save(update_fields=["role", "status", "decided_at", "decided_by"])
    if created:
        contact = planned.phone and phone_display(planned.phone).replace(" ", "")
        url = reverse("account_code_signin") + "?" + urlencode(
            {"contact": contact or planned.email})
    else:
        url = reverse("cooperatives:detail", args=[cooperative.pk])
    notice_send(user=user, kind=Notice.Kind.MEMBER_ADDED, url=url, person=by.display_name,
                cooperative=cooperative.name)
    return MemberAdded(membership=membership, user=user, created=created, code=code)


@transaction.atomic
def member_add(*, cooperative: Cooperative, by, full_name: str, contact: str,
               role: str = Membership.Role.MEMBER) -> MemberAdded:
    """A manager adds one person by phone number or e-mail: their account if they have one
    (a pending request is approved), else a new account with a sign-in code to print."""
    _manager_check(cooperative=cooperative, by=by)
    full_name, contact = (full_name or "").strip(), (contact or "").strip()
    errors = {}
    if not full_name:
        errors["full_name"] = [_("Write the person's full name.")]
    if role not in Membership.Role.values:
        errors["role"] = [_("Choose a valid role.")]
    email = phone = None
    try:
        email, phone = _contact_clean(email=contact if "@" in contact else "",
                                      phone="" if "@" in contact else contact)
    except ValidationError as error:
        errors["contact"] = error.messages
    if errors:
        raise ValidationError(errors)
    user = _existing_account(email=email, phone=phone)
    _check_not_member(cooperative=cooperative, user=user)
    return _member_join(cooperative=cooperative, by=by, planned=_Planned(
        number=0, full_name=full_name, email=email, phone=phone, role=role, user=user))


class MemberListInvalid(Exception):
    """The list was not imported; `errors` are (row number or None for the file, message)."""

    def __init__(self, errors: list[tuple[int | None, str]]):
        super().__init__(errors)
        self.errors = errors


def _member_rows_check(*, cooperative: Cooperative, rows: list[MemberRow]
                       ) -> tuple[list[_Planned], list[tuple[int, str]]]:
    planned, errors = [], []
    seen: dict[str, int] = {}
    for row in rows:
        problems = []
        if not row.full_name:
            problems.append(_("The name is missing."))
        role = role_from_text(row.role)
        if role is None:
            problems.append(_("Unknown role “%(role)s”: write “thành viên”, “quản lý” or "
                              "“kế toán”.") % {"role": row.role})
        email = phone = user = None
        try:
            email, phone = _contact_clean(email=row.email, phone=row.phone)
        except ValidationError as error:
            problems.extend(error.messages)
        else:
            for key in filter(None, (phone, email)):
                if key in seen:
                    problems.append(_("The same person as on row %(row)s.")
                                    % {"row": seen[key]})
                    break
            for key in filter(None, (phone, email)):
                seen.setdefault(key, row.number)
            try:
                user = _existing_account(email=email, phone=phone)
                _check_not_member(cooperative=cooperative, user=user)
            except ValidationError as error:
                problems.extend(error.messages)
        errors.extend((row.number, problem) for problem in problems)
        if not problems:
            planned.append(_Planned(number=row.number, full_name=row.full_name, email=email,
                                    phone=phone, role=role, user=user))
    return planned, errors


@transaction.atomic
def members_import(*, cooperative: Cooperative, by, data: bytes,
                   filename: str = "") -> list[MemberAdded]:
    """A manager's list of members, all added or none: every row is checked first and every
    problem reported with its row number (MemberListInvalid)."""
    _manager_check(cooperative=cooperative, by=by)
    try:
        rows = member_rows_read(data=data, filename=filename)
    except ValidationError as error:
        raise MemberListInvalid([(None, message) for message in error.messages]) from None
    # The cooperative's row locked: two uploads at once are checked one after the other.
    Cooperative.objects.select_for_update().filter(pk=cooperative.pk).first()
    planned, errors = _member_rows_check(cooperative=cooperative, rows=rows)
    if errors:
        raise MemberListInvalid(errors)
    return [_member_join(cooperative=cooperative, by=by, planned=person) for person in planned]


def member_code_allowed(*, membership: Membership, by) -> bool:
    """Whether a manager may print a new code for this member. A code signs in as the person, so
    only for a member or accountant who has never chosen a password (an account a manager made,
    whose sheet was lost): someone with a password resets it themselves, and no manager can
    sign in as them. Never a fellow manager, a trainer, an officer or a site admin."""
    user = membership.user
    return (membership.is_active and membership.role != Membership.Role.MANAGER
            and not (user.is_staff or user.is_superuser) and not user.is_closed
            and not user.has_usable_password() and user.pk != by.pk)


@transaction.atomic
def member_code_renew(*, membership: Membership, by) -> MemberAdded:
    """A fresh sign-in code for a member who lost theirs; earlier codes stop working."""
    _manager_check(cooperative=membership.cooperative, by=by)
    if not member_code_allowed(membership=membership, by=by):
        raise PermissionDenied(_("A new code can be printed only for a member or accountant "
                                 "who has not chosen a password yet. Someone with a password "
                                 "resets it from the sign-in page."))
    code = signin_code_issue(user=membership.user, by=by)
    return MemberAdded(membership=membership, user=membership.user, created=False, code=code)
