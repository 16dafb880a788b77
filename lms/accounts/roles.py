"""Roles of the platform. Learner and cooperative manager come from memberships; trainer and
union officer are Django groups with Wagtail permissions; site admin is a superuser.

Groups and their permissions are created by migrations through `grant`, never by hand."""

from django.contrib.auth.management import create_permissions

TRAINERS = "Trainers"
UNION_OFFICERS = "Union officers"

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
COLLECTION_APPS = {"wagtailimages", "wagtaildocs"}


def grant(apps, group_name: str, permissions: list[str]) -> None:
    """Give `group_name` (created if missing) each "app_label.codename" permission.

    Called from data migrations with their historical `apps`; creates the permission rows first,
    since Django only creates them after the whole migrate run."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    for dotted in permissions:
        app_label, codename = dotted.split(".")
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        if app_label in COLLECTION_APPS:
            # Wagtail grants images and documents per collection: here, the root and below.
            root = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)
            apps.get_model("wagtailcore", "GroupCollectionPermission").objects.get_or_create(
                group=group, collection=root, permission=permission
            )
        else:
            group.permissions.add(permission)


def _in_group(user, name: str) -> bool:
    """Whether `user` is in the group, asked once per user object (one request's user): the
    dashboards ask it of the same person for the scope, the cooperatives and the provinces."""
    if not user.is_authenticated:
        return False
    known = user.__dict__.setdefault("_lms_groups", {})
    if name not in known:
        known[name] = user.groups.filter(name=name).exists()
    return known[name]


def user_is_trainer(user) -> bool:
    return _in_group(user, TRAINERS)


def user_is_union_officer(user) -> bool:
    return _in_group(user, UNION_OFFICERS)
