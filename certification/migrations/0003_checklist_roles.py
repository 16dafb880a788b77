from django.db import migrations

from lms.accounts.roles import TRAINERS, UNION_OFFICERS, grant

# Trainers author standards and checklist versions (and import them); officers read them.
TRAINER_PERMISSIONS = [
    "certification.add_standard",
    "certification.change_standard",
    "certification.view_standard",
    "certification.add_standardversion",
    "certification.change_standardversion",
    "certification.view_standardversion",
]
OFFICER_PERMISSIONS = [
    "certification.view_standard",
    "certification.view_standardversion",
]


def create_permissions(apps, schema_editor):
    grant(apps, TRAINERS, TRAINER_PERMISSIONS)
    grant(apps, UNION_OFFICERS, OFFICER_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("certification", "0002_checklists_assessments"),
        ("accounts", "0002_trainers_group"),
        ("cooperatives", "0003_union_officers_group"),
    ]
    operations = [migrations.RunPython(create_permissions, migrations.RunPython.noop)]
