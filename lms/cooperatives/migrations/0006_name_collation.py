"""Provinces, communes and cooperatives get a column that sorts them in Vietnamese alphabetical
order, filled here for the rows already there."""

from django.db import migrations, models

from lms.text import vietnamese_collation_key


def fill(apps, schema_editor):
    for name in ("Province", "Commune", "Cooperative"):
        model = apps.get_model("cooperatives", name)
        rows = list(model.objects.only("pk", "name"))
        for row in rows:
            row.name_collation = vietnamese_collation_key(row.name)
        model.objects.bulk_update(rows, ["name_collation"], batch_size=500)


def field():
    return models.CharField(max_length=255, editable=False, db_index=True, default="")


class Migration(migrations.Migration):

    dependencies = [
        ("cooperatives", "0005_registration_code_key"),
    ]

    operations = [
        migrations.AddField("province", "name_collation", field(), preserve_default=False),
        migrations.AddField("commune", "name_collation", field(), preserve_default=False),
        migrations.AddField("cooperative", "name_collation", field(), preserve_default=False),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
        migrations.AlterModelOptions(name="province", options={
            "ordering": ["name_collation", "name"], "verbose_name": "province",
            "verbose_name_plural": "provinces"}),
        migrations.AlterModelOptions(name="commune", options={
            "ordering": ["province__name_collation", "name_collation", "name"],
            "verbose_name": "commune", "verbose_name_plural": "communes"}),
        migrations.AlterModelOptions(name="cooperative", options={
            "ordering": ["name_collation", "name"], "verbose_name": "cooperative",
            "verbose_name_plural": "cooperatives"}),
    ]
