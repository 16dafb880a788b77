from django.db import migrations

from lms.accounts.roles import ADMIN_ACCESS, UNION_OFFICERS, grant

OFFICER_PERMISSIONS = [
    *ADMIN_ACCESS,
    "cooperatives.view_cooperative",
    "cooperatives.add_cooperative",
    "cooperatives.change_cooperative",
    "cooperatives.view_membership",
    "cooperatives.change_membership",
    "cooperatives.view_cooperativeunion",
    "cooperatives.view_commune",
    "cooperatives.add_commune",
    "cooperatives.change_commune",
]


def create_group(apps, schema_editor):
    grant(apps, UNION_OFFICERS, OFFICER_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("cooperatives", "0002_provinces"),
        ("accounts", "0002_trainers_group"),
    ]
    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
