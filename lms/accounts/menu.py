"""The site menu's links to the back office (dashboard, certificates issued, administration):
whether a signed-in person sees them is read from their permissions once, then kept in the
cache. Every change to who is in which group, or to a group's or a person's permissions,
moves one version number on, so the next page reads them afresh; a change of the person's
staff or superuser flag gives another key too. Only the links depend on this: every page
behind them checks the permissions itself, on each request."""

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.functional import SimpleLazyObject

from lms.accounts.models import User

VERSION_KEY = "accounts:menu:version"
TIMEOUT = 60 * 60


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def permissions_changed(**kwargs) -> None:
    """Every person's links are read again at their next page."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or the cache was emptied): any new one will do
        cache.set(VERSION_KEY, 2, timeout=None)


def links(user) -> dict[str, bool]:
    """{"back_office": ..., "dashboard": ...} for a signed-in user."""
    if not user.is_authenticated:
        return {"back_office": False, "dashboard": False}
    if "_menu_links" in user.__dict__:  # the header and the user bar of one page both ask
        return user.__dict__["_menu_links"]
    key = (f"accounts:menu:{_version()}:{user.pk}:"
           f"{int(user.is_active)}{int(user.is_staff)}{int(user.is_superuser)}")
    found = cache.get(key)
    if found is None:
        back_office = user.is_staff or user.has_perm("wagtailadmin.access_admin")
        found = {"back_office": back_office,
                 "dashboard": back_office and (
                     user.is_superuser or user.has_perm("cooperatives.change_cooperative"))}
        cache.set(key, found, timeout=TIMEOUT)
    user.__dict__["_menu_links"] = found
    return found


def context(request) -> dict:
    """`menu_links` for templates, read only by the pages that show the menu to someone signed
    in."""
    return {"menu_links": SimpleLazyObject(lambda: links(request.user))}


def connect() -> None:
    for through in (User.groups.through, User.user_permissions.through,
                    Group.permissions.through):
        m2m_changed.connect(permissions_changed, sender=through,
                            dispatch_uid=f"menu-{through._meta.label}")
    for model in (Group, Permission):
        post_delete.connect(permissions_changed, sender=model,
                            dispatch_uid=f"menu-delete-{model._meta.label}")
        post_save.connect(permissions_changed, sender=model,
                          dispatch_uid=f"menu-save-{model._meta.label}")
