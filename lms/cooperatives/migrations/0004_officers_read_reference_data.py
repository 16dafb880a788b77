"""Union officers read communes; only site admins add or change them (reference data)."""

from django.db import migrations

from lms.accounts.roles import UNION_OFFICERS

REVOKED = ["add_commune", "change_commune"]


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=UNION_OFFICERS).first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(
            content_type__app_label="cooperatives", codename__in=REVOKED))


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0003_union_officers_group")]
    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
