"""The weekly chart (PNG): escalated vs resolved per day, and escalations per day by the tier they went to."""

from __future__ import annotations

import io

from plugin.reports.weekly import WeeklyReport


def weekly_chart(report: WeeklyReport) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    figure, (top, bottom) = plt.subplots(2, 1, figsize=(8, 6), sharex=True, constrained_layout=True)
    positions = range(len(report.days))
    width = 0.4
    top.bar([p - width / 2 for p in positions], report.escalated_per_day, width, label="escalated", color="#d9534f")
    top.bar([p + width / 2 for p in positions], report.resolved_per_day, width, label="resolved", color="#5cb85c")
    top.set_title(f"Escalated vs resolved, {report.week}")
    top.legend()
    top.set_ylabel("tickets")
    base = [0] * len(report.days)
    for tier, counts in sorted(report.escalations_per_day_by_tier.items()):
        bottom.bar(list(positions), counts, 0.6, bottom=base, label=f"to Tier {tier} "
                                                                    f"({report.tier_names.get(tier, '')})")
        base = [b + c for b, c in zip(base, counts, strict=True)]
    bottom.set_title("Escalations by tier")
    bottom.set_ylabel("escalations")
    bottom.set_xticks(list(positions), report.days, rotation=0)
    bottom.legend(fontsize="small")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return buffer.getvalue()
