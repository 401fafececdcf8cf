"""load_demo_content: the whole demo, in order, then its French and Dutch
translations through wagtail-localize (the same mechanism editors use)."""

import logging

from django.db import transaction

from . import curriculum, evaluations, parents, petitions, protocols, quizzes, site, translations

logger = logging.getLogger(__name__)


@transaction.atomic
def load_english():
    context = site.load()
    curriculum.load(context)
    evaluations.load(context)
    quizzes.load(context)
    petitions.load(context)
    protocols.load(context)
    parents.load(context)
    return context


def load_all(with_translations=True):
    context = load_english()
    if with_translations:
        with transaction.atomic():
            for language_code in translations.languages():
                created, skipped = translations.load(context.home, language_code)
                for name in created:
                    context.note(f"{language_code} translation of “{name}”")
                for reason in skipped:
                    logger.warning("Demo translation not loaded: %s/%s", language_code, reason)
        translations.repair_tree()
    return context
