"""The platform's user: signs in with an e-mail address or a phone number (at least one), has a
full name, a preferred language and message preferences; the log of the digests and reminders
sent to each user; and the notices shown in the person's list."""

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# What every page, PDF and email shows in place of the name of someone who closed their account.
FORMER_MEMBER = _("a former member")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email and not extra_fields.get("phone"):
            raise ValueError("An email address or a phone number is required.")
        email = self.normalize_email(email).lower() if email else None
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    # Either may be missing, never both (the check constraint below): many members have a phone
    # and no e-mail. NULL, not "", so that uniqueness holds only between real values.
    email = models.EmailField(_("email address"), unique=True, null=True, blank=True)
    full_name = models.CharField(_("full name"), max_length=150)
    # Stored in one international form (lms.accounts.phones.phone_normalize).
    phone = models.CharField(_("phone number"), max_length=20, unique=True, null=True, blank=True)
    phone_verified = models.BooleanField(_("phone number verified"), default=False)
    preferred_language = models.CharField(
        pgettext_lazy("user", "preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    welcome_email_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Each turned off by the unsubscribe link in the email, and back on from the profile page.
    email_digest = models.BooleanField(
        _("weekly digest email"),
        default=True,
        help_text=_(
            "For union officers: every Monday, what changed among the cooperatives you oversee."
        ),
    )
    email_reminders = models.BooleanField(
        _("reminder emails"),
        default=True,
        help_text=_("A course you have not opened for two weeks; corrective actions due soon."),
    )
    # Set when the account is closed (lms.accounts.services.account_close): the row stays, so
    # the cooperative's records keep their author, but every personal field is emptied.
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    # How many notices the person has not seen: kept on the row that every request loads anyway,
    # so the header's badge costs no query.
    unread_notices = models.PositiveIntegerField(default=0, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = pgettext_lazy("user", "users")
        ordering = ["full_name", "email"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email__isnull=False) | models.Q(phone__isnull=False),
                name="user_email_or_phone",
            )
        ]

    def __str__(self):
        return self.display_name

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def display_name(self) -> str:
        """The name to show another person: "a former member" once the account is closed."""
        if self.is_closed:
            return str(FORMER_MEMBER)
        return self.full_name or self.contact

    @property
    def contact(self) -> str:
        """Where the person is reached, as they would write it: the e-mail, else the phone."""
        from lms.accounts.phones import phone_display

        return self.email or phone_display(self.phone)

    def get_full_name(self):
        return str(FORMER_MEMBER) if self.is_closed else self.full_name

    def get_short_name(self):
        # Vietnamese names put the given name last: "Nguyễn Thị Hồng Xuân" -> "Xuân".
        if self.is_closed:
            return str(FORMER_MEMBER)
        return self.full_name.split()[-1] if self.full_name.strip() else self.contact

    def save(self, *args, **kwargs):
        # Forms and the admin hand over "" for an empty optional field; store NULL instead.
        self.email = self.email or None
        self.phone = self.phone or None
        super().save(*args, **kwargs)


class SentEmail(models.Model):
    """One digest or reminder sent to a user, keyed by what it was about (a week, an enrollment's
    idle spell, an action's due-date bucket): the unique key makes every send happen once."""

    class Kind(models.TextChoices):
        DIGEST = "digest", _("Weekly digest")
        COURSE_REMINDER = "course_reminder", _("Course reminder")
        ACTION_REMINDER = "action_reminder", _("Corrective action reminder")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_emails"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    key = models.CharField(_("about"), max_length=100)
    sent_at = models.DateTimeField(pgettext_lazy("account notice", "sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent email")
        verbose_name_plural = _("sent emails")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="sent_email_once")
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind} {self.key}"


class Notice(models.Model):
    """Something that happened that the person should know: shown in their list of notices, and
    sent by e-mail, or by SMS to a phone-only account (lms.accounts.notices). The words are chosen
    when the notice is read, in the reader's language, from its kind and the names it keeps."""

    class Kind(models.TextChoices):
        JOIN_REQUESTED = "join_requested", _("Request to join")
        JOIN_APPROVED = "join_approved", _("Membership approved")
        JOIN_DECLINED = "join_declined", _("Membership declined")
        MEMBER_ADDED = "member_added", _("Added to a cooperative")
        ENROLLED = "enrolled", _("Enrolled in a course")
        CERTIFICATE_ISSUED = "certificate_issued", _("Certificate issued")
        ATTEMPTS_ASKED = "attempts_asked", _("Quiz attempts asked for")
        ATTEMPTS_GRANTED = "attempts_granted", _("Quiz attempts granted")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    # The names the words need (a cooperative, a course, a person), as they were at the time.
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(pgettext_lazy("date created", "created"), auto_now_add=True,
                                      db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="notice_user_recent")]

    def __str__(self):
        return f"{self.user_id} {self.kind}"


class SignInCode(models.Model):
    """A one-time code a manager hands a member on paper, to sign in without a password
    (lms.accounts.signin_codes). Only a keyed hash of the code is kept: whoever reads the
    table cannot sign in with it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signin_codes"
    )
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(pgettext_lazy("date created", "created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in code")
        verbose_name_plural = _("sign-in codes")
        indexes = [models.Index(fields=["user", "used_at"], name="signin_code_user_unused")]

    def __str__(self):
        return f"{self.user_id} {self.created_at:%Y-%m-%d}"
