"""The one place that says what an answer is worth, for every part of the site
that takes answers (a quiz, a live classroom, the admin's statistics): whether
the chosen options can be an answer, how often each option was chosen, and
shares as whole percentages."""


def valid_choice(question, chosen):
    """True when chosen (a list of option ids) is an answer to the question block."""
    return valid_options(chosen, [option.id for option in question.block.answer_options(question.value)],
                         question.block.multiple)


def valid_options(chosen, option_ids, multiple):
    """At least one option, all of them the question's own, one only unless it takes several."""
    return bool(chosen) and set(chosen) <= set(option_ids) and (len(chosen) == 1 or multiple)


def count_choices(answers):
    """{option id: how many chose it} from an iterable of answers (each a list of option ids)."""
    counts = {}
    for option_ids in answers:
        for option_id in option_ids:
            counts[option_id] = counts.get(option_id, 0) + 1
    return counts


def percent(part, whole):
    """A share as a whole percentage; None when there is nothing to share."""
    return round(100 * part / whole) if whole else None


def percent_rows(items, counts, key=lambda item: item):
    """[(item, count, percent of all counts)] for a bar chart, in the order of items."""
    total = sum(counts.values()) if counts else 0
    return [(item, (counts or {}).get(key(item), 0), percent((counts or {}).get(key(item), 0), total) or 0)
            for item in items]
