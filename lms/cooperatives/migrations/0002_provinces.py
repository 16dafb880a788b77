from django.db import migrations

from lms.cooperatives.provinces import PROVINCES


def load_provinces(apps, schema_editor):
    Province = apps.get_model("cooperatives", "Province")
    for code, name, kind, merged_from in PROVINCES:
        Province.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "merged_from": merged_from}
        )


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0001_initial")]
    operations = [migrations.RunPython(load_provinces, migrations.RunPython.noop)]
