from django import template

register = template.Library()


@register.simple_tag
def distribution_rows(options, counts, total):
    """[(option, count, percent)] for a bar chart."""
    counts = counts or {}
    return [
        (option, counts.get(option.id, 0), round(100 * counts.get(option.id, 0) / total) if total else 0)
        for option in options
    ]
