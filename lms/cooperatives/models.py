"""Provinces, communes, cooperative unions, cooperatives, memberships and officers' scopes."""

import re
import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lms.text import fold, vietnamese_collation_key


def registration_code_key(code: str) -> str:
    """One spelling per registration code, so "2401 000 123", "2401.000.123", "２４０１０００１２３"
    and "2401000123" are the same cooperative: compatibility forms folded (full-width digits),
    spaces, dots, hyphens and dashes dropped, capitals."""
    text = unicodedata.normalize("NFKC", code or "")
    return re.sub(r"[\s.\-\u2010-\u2015\u2212_]", "", text).upper()


def _collate(place, save_kwargs: dict) -> None:
    """Keep `place.name_collation` in step with its name, also when only the name is saved."""
    place.name_collation = vietnamese_collation_key(place.name)
    update_fields = save_kwargs.get("update_fields")
    if update_fields is not None and "name" in update_fields:
        save_kwargs["update_fields"] = {*update_fields, "name_collation"}


class Province(models.Model):
    """One of the 34 provincial-level units in force since the 2025 reorganisation."""

    class Kind(models.TextChoices):
        CITY = "city", _("Centrally-run city")
        PROVINCE = "province", _("Province")

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    merged_from = models.CharField(
        _("formed from"),
        max_length=255,
        blank=True,
        help_text=_("The provinces it was formed from in 2025, if any."),
    )
    # Vietnamese alphabetical order for lists the database sorts (lms.text).
    name_collation = models.CharField(max_length=255, editable=False, db_index=True)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["name_collation", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        _collate(self, kwargs)
        super().save(*args, **kwargs)


class Commune(models.Model):
    """A commune-level unit (commune, ward or special zone) of the two-level local government."""

    class Kind(models.TextChoices):
        COMMUNE = "commune", _("Commune")
        WARD = "ward", _("Ward")
        SPECIAL_ZONE = "special_zone", _("Special zone")

    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("province")
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.COMMUNE)
    name_collation = models.CharField(max_length=255, editable=False, db_index=True)

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["province__name_collation", "name_collation", "name"]
        constraints = [
            models.UniqueConstraint(fields=["province", "name"], name="commune_unique_per_province")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}"

    def save(self, *args, **kwargs):
        _collate(self, kwargs)
        super().save(*args, **kwargs)


class CooperativeUnion(models.Model):
    """A cooperative union (Liên minh Hợp tác xã), usually one per province."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="unions",
        verbose_name=_("province"),
        help_text=_("Empty for the national alliance."),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("cooperative union")
        verbose_name_plural = _("cooperative unions")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Cooperative(models.Model):
    class Sector(models.TextChoices):
        CROP = "crop", _("Crop production")
        LIVESTOCK = "livestock", _("Livestock")
        FISHERY = "fishery", _("Fishery and aquaculture")
        MIXED_SERVICES = "mixed_services", _("Mixed or general services")
        FORESTRY = "forestry", _("Forestry")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    registration_code = models.CharField(
        _("registration code"),
        max_length=20,
        unique=True,
        help_text=_("As printed on the cooperative's registration certificate."),
    )
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="cooperatives", verbose_name=_("province")
    )
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cooperatives",
        verbose_name=_("commune"),
    )
    union = models.ForeignKey(
        CooperativeUnion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cooperatives",
        verbose_name=_("cooperative union"),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    member_count = models.PositiveIntegerField(
        _("number of members"), default=0, help_text=_("Members of the cooperative, not users.")
    )
    founded = models.DateField(_("founded"), null=True, blank=True)
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    name_collation = models.CharField(max_length=255, editable=False, db_index=True)
    created_at = models.DateTimeField(_("registered on the platform"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("cooperative")
        verbose_name_plural = _("cooperatives")
        ordering = ["name_collation", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(registration_code=""), name="cooperative_registration_code_not_empty"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        self.registration_code = registration_code_key(self.registration_code)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_folded"}
        _collate(self, kwargs)
        super().save(*args, **kwargs)


class Membership(models.Model):
    class Role(models.TextChoices):
        MANAGER = "manager", _("Manager")
        ACCOUNTANT = "accountant", _("Accountant")
        MEMBER = "member", _("Member")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        ACTIVE = "active", pgettext_lazy("membership status", "Active")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    cooperative = models.ForeignKey(
        Cooperative,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("cooperative"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["cooperative__name", "user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "cooperative"], name="membership_unique_per_cooperative"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.cooperative} ({self.get_role_display()})"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_manager(self):
        return self.is_active and self.role == self.Role.MANAGER


class OfficerScope(models.Model):
    """What a union officer may see: one province, or one cooperative union's members."""

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="officer_scopes",
        verbose_name=_("officer"),
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    union = models.ForeignKey(
        CooperativeUnion,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cooperative union"),
    )

    class Meta:
        verbose_name = _("officer scope")
        verbose_name_plural = _("officer scopes")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(province__isnull=False, union__isnull=True)
                    | Q(province__isnull=True, union__isnull=False)
                ),
                name="officer_scope_province_xor_union",
            ),
            models.UniqueConstraint(
                fields=["officer", "province"], name="officer_scope_unique_province"
            ),
            models.UniqueConstraint(fields=["officer", "union"], name="officer_scope_unique_union"),
        ]

    def __str__(self):
        return f"{self.officer}: {self.province or self.union}"
