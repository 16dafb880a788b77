"""`{% editor_userbar %}`: Wagtail's user bar only on a page the person may edit.

Wagtail's own tag shows the bar (and loads the admin's scripts and styles, over a megabyte) on
every page to anyone who may enter the admin: on the dashboard, the readiness pages and the
lessons too, where it only weighs on the phone and hides content. Here it is drawn on a
Wagtail page for the people who may edit that very page, and nowhere else."""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance, wagtailuserbar

from lms.accounts import menu

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-left"):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    page = get_page_instance(context)
    # Learners stop at the menu's back-office permission, cached per person: no query.
    if page is None or not menu.links(user)["back_office"]:
        return ""
    if not page.permissions_for_user(user).can_edit():
        return ""
    return wagtailuserbar(context, position)
