"""One generation per dependency tag instead of one for the whole site (generation.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("performance", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="TagGeneration",
            fields=[
                ("name", models.CharField(max_length=255, primary_key=True, serialize=False)),
                ("value", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "tag generation"},
        ),
        migrations.DeleteModel(name="ContentGeneration"),
    ]
