"""`{% editor_userbar %}`: a link to edit the page, for the people who may edit that very page.

Wagtail's own user bar loads the admin's scripts and styles (vendor.js, userbar.js, core.css:
hundreds of kilobytes) and a 15 KB template on every page it is on, and floats over the
content. Editors get instead one line above the page, in the site's own style, that takes them
to the page's editor (where Wagtail's checks and previews are); everyone else gets nothing,
and nobody gets the admin's assets on a front-end page."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance

from lms.accounts import menu

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    page = get_page_instance(context)
    # Learners stop at the menu's back-office permission, cached per person: no query.
    if page is None or not getattr(page, "pk", None) or not menu.links(user)["back_office"]:
        return ""
    if not page.permissions_for_user(user).can_edit():
        return ""
    return render_to_string("includes/edit_page.html", {
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]), "page": page},
        request=request)
