"""The platform's user: logs in with an email address, has a full name, a preferred language and
email preferences; and the log of the digests and reminders sent to each user."""

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

# What every page, PDF and email shows in place of the name of someone who closed their account.
FORMER_MEMBER = _("a former member")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
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
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
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

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]

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
        return self.full_name or self.email

    def get_full_name(self):
        return str(FORMER_MEMBER) if self.is_closed else self.full_name

    def get_short_name(self):
        # Vietnamese names put the given name last: "Nguyễn Thị Hồng Xuân" -> "Xuân".
        if self.is_closed:
            return str(FORMER_MEMBER)
        return self.full_name.split()[-1] if self.full_name.strip() else self.email


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
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent email")
        verbose_name_plural = _("sent emails")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="sent_email_once")
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind} {self.key}"
