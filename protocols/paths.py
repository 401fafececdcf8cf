"""The decision path of a protocol as a graph: steps point to the next step by its key.

Pure functions over plain data, so the editor's validation, the page and the
tests all reason about the same thing: every answer leads to a step that exists,
no path goes round in a circle, every step can be reached from the first one,
and every path ends at a step that says what to do and shows the helplines."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    key: str
    next_keys: tuple  # where its answers lead, in order
    shows_helplines: bool

    @property
    def is_end(self):
        return not self.next_keys


def problems(steps):
    """[(step key, message key, detail)] for everything that breaks the path; empty when it is sound."""
    found = []
    keys = [step.key for step in steps]
    by_key = {}
    for step in steps:
        if step.key in by_key:
            found.append((step.key, "duplicate", step.key))
        by_key.setdefault(step.key, step)
    for step in steps:
        for target in step.next_keys:
            if target not in by_key:
                found.append((step.key, "unknown", target))
        if step.is_end and not step.shows_helplines:
            found.append((step.key, "end_without_help", step.key))
    if found or not steps:
        return found
    reached, on_path = set(), set()

    def walk(key):
        if key in on_path:
            found.append((key, "circle", key))
            return
        if key in reached:
            return
        reached.add(key)
        on_path.add(key)
        for target in by_key[key].next_keys:
            walk(target)
        on_path.discard(key)

    walk(keys[0])
    found += [(key, "unreachable", key) for key in keys if key not in reached]
    return found


def paths(steps):
    """Every path from the first step to an end, as lists of keys (for tests and the flowchart)."""
    by_key = {step.key: step for step in steps}

    def from_step(key):
        step = by_key[key]
        if step.is_end:
            return [[key]]
        return [[key] + rest for target in step.next_keys for rest in from_step(target)]

    return from_step(steps[0].key) if steps else []
