"""Django's and Wagtail's user-facing strings that their own Vietnamese catalogues lack, listed
so makemessages copies them into ours (our locale/ comes first at runtime). Each msgid is copied
exactly from the framework; the bad-input corpus (tests/security/test_bad_input.py) reads the
Vietnamese a person then sees. allauth's are in lms/accounts/allauth_messages.py."""

from django.utils.translation import gettext_noop

FRAMEWORK_MESSAGES = [
    # django/core/validators.py: ProhibitNullCharactersValidator, on every form CharField.
    gettext_noop("Null characters are not allowed."),
    # django/core/validators.py: FileExtensionValidator (Wagtail's image and document forms).
    gettext_noop("File extension “%(extension)s” is not allowed. Allowed extensions are: "
                 "%(allowed_extensions)s."),
    # wagtail/documents/forms.py and wagtail/images/fields.py: the upload size limits.
    gettext_noop("This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."),
    gettext_noop("This file is too big. Maximum filesize %(max_filesize)s."),
    # wagtail/documents/views/documents.py: the add form's message when a field is refused.
    gettext_noop("The document could not be created due to errors."),
]
