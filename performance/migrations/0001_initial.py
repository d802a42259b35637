from django.db import migrations, models


def create_row(apps, schema_editor):
    ContentGeneration = apps.get_model("performance", "ContentGeneration")
    ContentGeneration.objects.get_or_create(pk=1, defaults={"value": 0})


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentGeneration",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "content generation"},
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
