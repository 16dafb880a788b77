# Certificate ZIPs are exports.Export rows now; lms/exports/migrations/0002 copied these first.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("certification", "0003_checklist_roles"),
        ("exports", "0002_copy_older_exports"),
    ]

    operations = [
        migrations.DeleteModel(name="CertificateExport"),
    ]
