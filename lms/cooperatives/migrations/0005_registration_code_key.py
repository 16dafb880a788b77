"""Registration codes stored in one spelling (see models.registration_code_key)."""

import re
import unicodedata

from django.db import migrations


def key(code: str) -> str:  # a copy: migrations do not import the current models module
    text = unicodedata.normalize("NFKC", code or "")
    return re.sub(r"[\s.\-\u2010-\u2015\u2212_]", "", text).upper()


def normalise(apps, schema_editor):
    Cooperative = apps.get_model("cooperatives", "Cooperative")
    for cooperative in Cooperative.objects.only("pk", "registration_code").iterator():
        code = key(cooperative.registration_code)
        if code != cooperative.registration_code and code and \
                not Cooperative.objects.filter(registration_code=code).exists():
            Cooperative.objects.filter(pk=cooperative.pk).update(registration_code=code)


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0004_officers_read_reference_data")]
    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
