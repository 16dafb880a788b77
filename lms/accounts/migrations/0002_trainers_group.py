from django.db import migrations

from lms.accounts.roles import ADMIN_ACCESS, TRAINERS, grant

# Courses and checklists add their page and snippet permissions in their own migrations.
TRAINER_PERMISSIONS = [
    *ADMIN_ACCESS,
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]


def create_group(apps, schema_editor):
    grant(apps, TRAINERS, TRAINER_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
