# Dashboard tables built in the background are exports.Export rows now; lms/exports/migrations/0002
# copied these first.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("dashboards", "0001_initial"),
        ("exports", "0002_copy_older_exports"),
    ]

    operations = [
        migrations.DeleteModel(name="DashboardExport"),
    ]
