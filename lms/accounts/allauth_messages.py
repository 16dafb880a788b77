"""allauth's user-facing Python strings, listed so makemessages copies them into our catalogue."""

from django.utils.translation import gettext_noop

# Each msgid is copied exactly from django-allauth 65.21 (allauth ships no Vietnamese); our
# catalogue in locale/ comes first at runtime, so allauth's forms show our translation.
# Only strings reachable with our settings are listed: login by e-mail or phone (one box of our
# own, so allauth's pgettext "Login" label never shows), no username, login by code, no reset
# by code, enumeration prevention on.
ALLAUTH_MESSAGES = [
    # account/fields.py: EmailField's label and placeholder (login, sign-up, reset, add email);
    # account/forms.py: BaseSignupForm sets the label again with gettext("Email").
    gettext_noop("Email"),
    gettext_noop("Email address"),
    # account/forms.py: password labels, which PasswordField also uses as placeholders.
    gettext_noop("Password"),
    gettext_noop("Password (again)"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Remember Me"),
    # account/forms.py: sign-up, password change, set and reset forms.
    gettext_noop("You must type the same password each time."),
    # account/adapter.py: DefaultAccountAdapter.error_messages raised by the forms above.
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("A user is already registered with this email address."),
    gettext_noop("This email address is already associated with this account."),
    gettext_noop("Please type your current password."),
    gettext_noop("Incorrect password."),
    # Phone numbers and codes (login by phone, phone verification, login by code):
    # account/adapter.py error_messages; account/forms.py BaseConfirmCodeForm's label and
    # placeholder.
    gettext_noop("The phone number and/or password you specified are not correct."),
    gettext_noop("A user is already registered with this phone number."),
    gettext_noop("Incorrect code."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("The new value must be different from the current one."),
    gettext_noop("Code"),
]
