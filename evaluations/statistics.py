"""The statistics of the evaluation report, from sums kept per class (never from a row per pupil).

A class's answers are reduced, when its session ends, to sufficient statistics per item:
counts and sums of the answers before and after, and for the pupils who answered both
(pairs) the sum of the differences and of their squares. Sums add up across classes, so
the organisation's report is one SUM ... GROUP BY in the database whatever the number of
sessions, and it is exactly the statistics of all the pairs together:

- mean difference d̄ = Σd / n,
- its standard deviation s = sqrt((Σd² − (Σd)²/n) / (n − 1)),
- the 95 % confidence interval d̄ ± t(0.975, n − 1) · s / √n,
- Cohen's d for paired data (d_z) = d̄ / s.

Student's t quantile is computed here (Python's `statistics` has only the normal
distribution, and SciPy is too large a dependency for one function): the t
distribution's CDF through the regularised incomplete beta function (Lentz's continued
fraction, as in Numerical Recipes §6.4), inverted by bisection. tests/test_evaluation_statistics.py
checks it and every figure against SciPy."""

import math
from dataclasses import dataclass

CONFIDENCE = 0.95


def _incomplete_beta_fraction(a, b, x):
    tiny, epsilon = 1e-300, 3e-16
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 400):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= d * c
        if abs(d * c - 1.0) < epsilon:
            break
    return result


def regularized_incomplete_beta(a, b, x):
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _incomplete_beta_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _incomplete_beta_fraction(b, a, 1.0 - x) / b


def t_cdf(t, df):
    tail = 0.5 * regularized_incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p, df):
    """The value below which a share p of Student's t distribution with df degrees of freedom lies."""
    if not 0.0 < p < 1.0 or df <= 0:
        raise ValueError("p must be between 0 and 1 and df positive")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(200):
        middle = (low + high) / 2.0
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
        if high - low < 1e-12 * max(1.0, high):
            break
    return (low + high) / 2.0


@dataclass(frozen=True)
class PairedSums:
    """What a class's answers to one item come down to (and what classes add up to)."""

    n_before: int = 0
    sum_before: float = 0
    n_after: int = 0
    sum_after: float = 0
    pairs: int = 0
    sum_difference: float = 0
    sum_squared_difference: float = 0
    not_agreeing_before: int = 0  # pairs who did not agree before (agreement items)
    moved_to_agree: int = 0  # of those, the pairs who agreed after
    hits_before: int = 0  # pairs who agreed (or chose the right answer) before
    hits_after: int = 0  # and after

    @classmethod
    def of(cls, answers, agree_from=None):
        """From (before, after) per pupil, None where a pupil skipped or would rather not say. A hit
        is agreeing (from agree_from up) on an agreement item, the right answer (1) on a knowledge item."""
        hit_from = agree_from if agree_from is not None else 1
        befores = [before for before, _after in answers if before is not None]
        afters = [after for _before, after in answers if after is not None]
        pairs = [(before, after) for before, after in answers if before is not None and after is not None]
        not_agreeing = [(b, a) for b, a in pairs if agree_from is not None and b < agree_from]
        return cls(
            n_before=len(befores), sum_before=sum(befores), n_after=len(afters), sum_after=sum(afters),
            pairs=len(pairs), sum_difference=sum(a - b for b, a in pairs),
            sum_squared_difference=sum((a - b) ** 2 for b, a in pairs),
            not_agreeing_before=len(not_agreeing), moved_to_agree=sum(1 for _b, a in not_agreeing if a >= agree_from),
            hits_before=sum(1 for b, _a in pairs if b >= hit_from), hits_after=sum(1 for _b, a in pairs if a >= hit_from),
        )


@dataclass(frozen=True)
class PairedChange:
    mean_before: float | None
    mean_after: float | None
    pairs: int
    mean_difference: float | None
    ci_low: float | None
    ci_high: float | None
    effect_size: float | None  # Cohen's d_z
    moved_to_agree: float | None  # share of those who did not agree before

    @classmethod
    def from_sums(cls, sums):
        mean_before = sums.sum_before / sums.n_before if sums.n_before else None
        mean_after = sums.sum_after / sums.n_after if sums.n_after else None
        moved = sums.moved_to_agree / sums.not_agreeing_before if sums.not_agreeing_before else None
        n = sums.pairs
        if n == 0:
            return cls(mean_before, mean_after, 0, None, None, None, None, moved)
        mean = sums.sum_difference / n
        if n == 1:
            return cls(mean_before, mean_after, 1, mean, None, None, None, moved)
        variance = max(0.0, (sums.sum_squared_difference - sums.sum_difference ** 2 / n) / (n - 1))
        deviation = math.sqrt(variance)
        margin = t_quantile(1 - (1 - CONFIDENCE) / 2, n - 1) * deviation / math.sqrt(n)
        effect = mean / deviation if deviation > 0 else None
        return cls(mean_before, mean_after, n, mean, mean - margin, mean + margin, effect, moved)
