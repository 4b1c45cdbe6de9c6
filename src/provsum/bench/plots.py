"""The leaderboard chart: syllable ROUGE-1/2/L F1 of every system with 95% intervals, one panel per set."""

from __future__ import annotations

from pathlib import Path

METRICS = (("rouge1_f", "ROUGE-1"), ("rouge2_f", "ROUGE-2"), ("rougeL_f", "ROUGE-L"))
COLORS = ("#4c72b0", "#dd8452", "#55a868")


def chart_data(board: dict, config: str) -> tuple[list[str], dict[str, list[tuple[float, float, float]]]]:
    """Systems in leaderboard order and, per metric, (mean, low, high) × 100 for each system."""
    from provsum.bench.readme import _ordered

    systems = board["results"][config]["systems"]
    names = _ordered(systems)
    data = {}
    for metric, _ in METRICS:
        data[metric] = [tuple(100 * systems[n]["syllable"][metric][k] for k in ("mean", "low", "high")) for n in names]
    return names, data


def plot_leaderboard(board: dict, path: str | Path) -> Path:
    """Write the PNG (matplotlib, Agg backend) and return its path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    configs = list(board["results"])
    sizes = [len(board["results"][c]["systems"]) for c in configs]
    fig, axes = plt.subplots(len(configs), 1, figsize=(8, 1.2 + 0.55 * sum(sizes) + 0.6 * len(configs)), squeeze=False,
                             gridspec_kw={"height_ratios": sizes})
    width = 0.8 / len(METRICS)
    for ax, config in zip(axes[:, 0], configs):
        names, data = chart_data(board, config)
        y = np.arange(len(names))
        for k, ((metric, title), color) in enumerate(zip(METRICS, COLORS)):
            vals = np.array(data[metric])
            pos = y + (k - (len(METRICS) - 1) / 2) * width
            # clipped at 0: with (nearly) constant scores the mean can sit a rounding error outside its interval
            err = np.clip(np.vstack([vals[:, 0] - vals[:, 1], vals[:, 2] - vals[:, 0]]), 0, None)
            ax.barh(pos, vals[:, 0], height=width, color=color, label=title, xerr=err,
                    error_kw={"ecolor": "black", "capsize": 2, "elinewidth": 0.8})
        ax.set_yticks(y)
        ax.set_yticklabels(names)
        ax.invert_yaxis()
        res = board["results"][config]
        sample = f", sample of {res['split_size']:,}" if res.get("sample") else ""
        ax.set_title(f"{config}/{res['split']} ({res['examples']:,} examples{sample})", fontsize=10)
        ax.set_xlabel("F1 × 100 (syllables, 95% bootstrap interval)")
        ax.grid(axis="x", alpha=0.3)
        ax.set_axisbelow(True)
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.suptitle(f"ProvSum leaderboard (provsum {board.get('provsum_version')})", fontsize=11)
    top = 1 - 0.75 / fig.get_figheight()
    fig.legend(handles, labels, loc="upper center", ncol=len(METRICS), fontsize=8, frameon=False,
               bbox_to_anchor=(0.5, top + 0.02 / fig.get_figheight() * 10))
    fig.tight_layout(rect=(0, 0, 1, top))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(fig)
    return path
