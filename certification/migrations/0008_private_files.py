# Private files move out of the public media folder, under random names (issue 13).

import lms.files
from django.db import migrations, models


def move(apps, schema_editor):
    lms.files.files_move_to_private(apps.get_model("certification", "Certificate"),
                                    {"pdf": "certificates"})
    lms.files.files_move_to_private(apps.get_model("certification", "ReadinessReport"),
                                    {"pdf": "reports"})
    lms.files.files_move_to_private(apps.get_model("certification", "EvidencePhoto"),
                                    {"image": "evidence"})
    lms.files.files_move_to_private(apps.get_model("certification", "CorrectiveAction"),
                                    {"closing_photo": "actions"})


class Migration(migrations.Migration):

    dependencies = [
        ('certification', '0007_ocop_self_report'),
    ]

    operations = [
        migrations.AlterField(
            model_name='certificate',
            name='pdf',
            field=models.FileField(blank=True, storage=lms.files.private_storage, upload_to=lms.files.RandomName('certificates'), verbose_name='PDF'),
        ),
        migrations.AlterField(
            model_name='correctiveaction',
            name='closing_photo',
            field=models.ImageField(blank=True, storage=lms.files.private_storage, upload_to=lms.files.RandomName('actions'), verbose_name='evidence photo'),
        ),
        migrations.AlterField(
            model_name='evidencephoto',
            name='image',
            field=models.ImageField(height_field='height', storage=lms.files.private_storage, upload_to=lms.files.RandomName('evidence'), verbose_name='photo', width_field='width'),
        ),
        migrations.AlterField(
            model_name='readinessreport',
            name='pdf',
            field=models.FileField(blank=True, storage=lms.files.private_storage, upload_to=lms.files.RandomName('reports'), verbose_name='PDF'),
        ),
        migrations.RunPython(move, migrations.RunPython.noop),
    ]
