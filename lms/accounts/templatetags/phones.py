"""Template filter showing a stored phone number as a Vietnamese reader writes it."""

from django import template

from lms.accounts.phones import phone_display as _phone_display

register = template.Library()


@register.filter
def phone_display(phone):
    return _phone_display(phone)
