"""A pupil's note to the teacher is a message, not a question; the word filter
says why it held one, and its word lists become editable per language."""

import django.db.models.deletion
from django.db import migrations, models


def held_to_reason(apps, schema_editor):
    BoxMessage = apps.get_model("classroom", "BoxMessage")
    BoxMessage.objects.filter(held=True).update(hold_reason="abusive")


def load_words(apps, schema_editor):
    from classroom.word_lists import WORDS

    Locale = apps.get_model("wagtailcore", "Locale")
    FilteredWord = apps.get_model("classroom", "FilteredWord")
    for code, kinds in WORDS.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        for kind, words in kinds.items():
            for word in words:
                FilteredWord.objects.get_or_create(locale=locale, word=word, defaults={"kind": kind})


class Migration(migrations.Migration):
    dependencies = [
        ("classroom", "0002_boxquestion"),
        ("cms", "0002_create_locales"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RenameModel("BoxQuestion", "BoxMessage"),
        migrations.AlterField(
            model_name="boxmessage",
            name="seat",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="box_messages", to="classroom.seat"),
        ),
        migrations.AlterField(
            model_name="boxmessage",
            name="session",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="box_messages", to="classroom.classroomsession"),
        ),
        migrations.AddField(
            model_name="boxmessage",
            name="hold_reason",
            field=models.CharField(
                blank=True,
                choices=[("abusive", "an insult or a threat"), ("names_someone", "names someone together with a sexual word")],
                help_text="Why the word filter held it; a held message is only ever seen by the teacher.",
                max_length=20,
            ),
        ),
        migrations.RunPython(held_to_reason, migrations.RunPython.noop),
        migrations.RemoveField(model_name="boxmessage", name="held"),
        migrations.RemoveField(model_name="classroomsession", name="version"),
        migrations.CreateModel(
            name="FilteredWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(help_text="Matched whatever the capitals, accents, look-alike letters or dots between the letters.", max_length=60, verbose_name="word or phrase")),
                ("kind", models.CharField(choices=[("abusive", "Insult or threat: always held"), ("sexual", "Sexual word: held when the message names someone")], max_length=10, verbose_name="kind")),
                ("locale", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.locale", verbose_name="language")),
            ],
            options={
                "verbose_name": "question-box filter word",
                "verbose_name_plural": "question-box filter words",
                "ordering": ["locale", "kind", "word"],
                "constraints": [models.UniqueConstraint(fields=("locale", "word"), name="one_filtered_word_per_language")],
            },
        ),
        migrations.RunPython(load_words, migrations.RunPython.noop),
    ]
