# Export files move out of the public media folder, under random names (issue 13); the name
# a browser saves is kept apart.

import lms.files
from django.db import migrations, models


def move(apps, schema_editor):
    Export = apps.get_model("exports", "Export")
    for export in Export.objects.exclude(file="").only("pk", "file"):
        Export.objects.filter(pk=export.pk).update(file_name=export.file.name.rsplit("/", 1)[-1])
    lms.files.files_move_to_private(Export, {"file": "exports"})


class Migration(migrations.Migration):

    dependencies = [
        ('exports', '0002_copy_older_exports'),
    ]

    operations = [
        migrations.AddField(
            model_name='export',
            name='file_name',
            field=models.CharField(blank=True, max_length=200, verbose_name='file name'),
        ),
        migrations.AlterField(
            model_name='export',
            name='file',
            field=models.FileField(blank=True, storage=lms.files.private_storage, upload_to=lms.files.RandomName('exports')),
        ),
        migrations.RunPython(move, migrations.RunPython.noop),
    ]
