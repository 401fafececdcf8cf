"""The evaluation report's statistics, checked against SciPy's (the reference computation)."""

import random

import pytest
from scipy import stats

from evaluations.statistics import PairedChange, PairedSums, t_quantile


@pytest.mark.parametrize("df", [1, 2, 3, 4, 5, 9, 29, 30, 120, 1000])
@pytest.mark.parametrize("p", [0.5, 0.9, 0.95, 0.975, 0.995, 0.025])
def test_the_t_quantile_matches_scipy(p, df):
    assert t_quantile(p, df) == pytest.approx(stats.t.ppf(p, df), rel=1e-9, abs=1e-12)


def random_class(rng, size, scale=5):
    """(before, after) per pupil on a 1-5 scale, with some skipped answers (None)."""
    answers = []
    for _ in range(size):
        before = rng.randint(1, scale)
        after = min(scale, max(1, before + rng.choice([-1, 0, 0, 1, 1, 2])))
        answers.append((None if rng.random() < 0.1 else before, None if rng.random() < 0.1 else after))
    return answers


def paired(answers):
    return [(b, a) for b, a in answers if b is not None and a is not None]


@pytest.mark.parametrize("seed", range(5))
def test_the_paired_change_matches_scipy(seed):
    rng = random.Random(seed)
    answers = random_class(rng, 28)
    change = PairedChange.from_sums(PairedSums.of(answers, agree_from=4))
    befores, afters = zip(*paired(answers))
    differences = [a - b for b, a in zip(befores, afters)]
    reference = stats.ttest_rel(afters, befores).confidence_interval(0.95)
    assert change.pairs == len(differences)
    assert change.mean_difference == pytest.approx(sum(differences) / len(differences))
    assert (change.ci_low, change.ci_high) == (pytest.approx(reference.low), pytest.approx(reference.high))
    assert change.effect_size == pytest.approx(stats.tmean(differences) / stats.tstd(differences))


def test_classes_add_up_to_the_statistics_of_all_their_pupils():
    rng = random.Random(7)
    classes = [random_class(rng, size) for size in (5, 12, 30, 22)]
    sums = [PairedSums.of(answers, agree_from=4) for answers in classes]
    added = PairedSums(**{field: sum(getattr(s, field) for s in sums) for field in PairedSums.__dataclass_fields__})
    together = PairedSums.of([pupil for answers in classes for pupil in answers], agree_from=4)
    assert PairedChange.from_sums(added) == PairedChange.from_sums(together)


def test_the_means_before_and_after_count_every_pupil_who_answered():
    change = PairedChange.from_sums(PairedSums.of([(1, None), (3, 5), (None, 4)]))
    assert (change.mean_before, change.mean_after) == (2, 4.5)


def test_the_share_moving_to_agree_counts_only_those_who_did_not_agree_before():
    answers = [(2, 4), (3, 3), (1, 5), (4, 5), (5, 2)]  # three did not agree before; two of them do after
    assert PairedChange.from_sums(PairedSums.of(answers, agree_from=4)).moved_to_agree == pytest.approx(2 / 3)


def test_a_class_whose_answers_did_not_change_has_no_effect_size():
    change = PairedChange.from_sums(PairedSums.of([(3, 4), (2, 3), (4, 5)]))
    assert (change.mean_difference, change.effect_size, change.ci_low, change.ci_high) == (1, None, 1, 1)
