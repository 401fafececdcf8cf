import django.db.models.deletion
from django.db import migrations, models


def load_phrases(apps, schema_editor):
    from guardrails.phrases import PHRASES, RULES

    Locale = apps.get_model("wagtailcore", "Locale")
    FlaggedPhrase = apps.get_model("guardrails", "FlaggedPhrase")
    for code, kinds in PHRASES.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        for kind, phrases in kinds.items():
            rule, suggestion = RULES[kind][code]
            for phrase in phrases:
                FlaggedPhrase.objects.get_or_create(
                    locale=locale, phrase=phrase, defaults={"kind": kind, "rule": rule, "suggestion": suggestion}
                )


class Migration(migrations.Migration):
    initial = True
    dependencies = [
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("cms", "0002_create_locales"),
    ]

    operations = [
        migrations.CreateModel(
            name="FlaggedPhrase",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("phrase", models.CharField(help_text="Matched without regard to capitals or accents.", max_length=120, verbose_name="phrase")),
                ("kind", models.CharField(choices=[("blame", "Blames the person in the image"), ("fear", "Teaches fear instead of skills"), ("image", "Tells someone to keep or copy an image")], max_length=10, verbose_name="kind")),
                ("rule", models.CharField(max_length=300, verbose_name="rule it breaks")),
                ("suggestion", models.CharField(max_length=300, verbose_name="kinder wording")),
                ("locale", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.locale", verbose_name="language")),
            ],
            options={
                "verbose_name": "flagged phrase",
                "verbose_name_plural": "flagged phrases",
                "ordering": ["locale", "kind", "phrase"],
                "constraints": [models.UniqueConstraint(fields=("locale", "phrase"), name="one_flag_per_phrase_and_language")],
            },
        ),
        migrations.RunPython(load_phrases, migrations.RunPython.noop),
    ]
