"""Pure arithmetic of a scheme: mapping values to points, aggregating, ranking and grading.

No database access here, so every rule can be tested on plain numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

HUNDRED = Decimal("100")
ZERO = Decimal("0")
CENT = Decimal("0.01")


def q2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def plain(value: Decimal) -> str:
    """90.00 → "90", 12.50 → "12.5": how a person writes the number."""
    return format(value.normalize(), "f")


def clamp(value: Decimal, low: Decimal = ZERO, high: Decimal = HUNDRED) -> Decimal:
    return max(low, min(high, value))


def map_linear(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
    """low → 0 points, high → 100 points, straight line between."""
    if high <= low:
        return ZERO
    return q2(clamp((value - low) * HUNDRED / (high - low)))


def map_bands(value: Decimal, bands: Sequence[dict]) -> Decimal:
    """The points of the highest band whose `min` the value reaches; 0 below every band."""
    best: tuple[Decimal, Decimal] | None = None
    for band in bands:
        floor, points = Decimal(str(band["min"])), Decimal(str(band["points"]))
        if value >= floor and (best is None or floor > best[0]):
            best = (floor, points)
    return q2(best[1]) if best else ZERO


def aggregate(values: Sequence[Decimal], how: str, cap: Decimal | None = None) -> Decimal | None:
    """best / latest (values oldest first) / mean / capped_sum; None when there is nothing."""
    if not values:
        return None
    if how == "best":
        return q2(max(values))
    if how == "latest":
        return q2(values[-1])
    if how == "capped_sum":
        total = sum(values, ZERO)
        return q2(min(total, cap) if cap is not None else total)
    return q2(sum(values, ZERO) / len(values))


def competition_ranks(totals: Sequence[Decimal]) -> list[int]:
    """Rank 1 for the highest; equal totals share a rank and the next rank skips (1, 2, 2, 4)."""
    order = sorted(range(len(totals)), key=lambda i: totals[i], reverse=True)
    ranks = [0] * len(totals)
    for position, index in enumerate(order):
        if position and totals[index] == totals[order[position - 1]]:
            ranks[index] = ranks[order[position - 1]]
        else:
            ranks[index] = position + 1
    return ranks


@dataclass(frozen=True)
class GradeRule:
    excellent_share: Decimal
    excellent_cap: int | None
    excellent_min: Decimal
    pass_min: Decimal
    basic_min: Decimal

    def excellent_quota(self, count: int) -> int:
        quota = int(
            (Decimal(count) * self.excellent_share / HUNDRED).to_integral_value(ROUND_FLOOR)
        )
        return min(quota, self.excellent_cap) if self.excellent_cap is not None else quota


def grades(totals: Sequence[Decimal], ranks: Sequence[int], rule: GradeRule) -> list[str]:
    """优秀 for the top share within the quota (a tie that would overflow it gets none), then thresholds."""
    quota = rule.excellent_quota(len(totals))
    tie_size: dict[int, int] = {}
    for rank in ranks:
        tie_size[rank] = tie_size.get(rank, 0) + 1
    result = []
    for total, rank in zip(totals, ranks, strict=True):
        last_place = rank + tie_size[rank] - 1
        if last_place <= quota and total >= rule.excellent_min:
            result.append("excellent")
        elif total >= rule.pass_min:
            result.append("pass")
        elif total >= rule.basic_min:
            result.append("basic")
        else:
            result.append("fail")
    return result
