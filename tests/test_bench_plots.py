"""The leaderboard chart: data in leaderboard order, a PNG written."""

from __future__ import annotations

import pytest

from provsum.bench.plots import chart_data, plot_leaderboard
from test_bench_readme import board


def test_chart_data_order_and_values():
    names, data = chart_data(board(), "provincial")
    assert names == ["textrank", "lead-3", "oracle"]
    assert data["rouge2_f"][0] == pytest.approx((21.5, 19.5, 23.5))
    assert data["rouge1_f"][2] == pytest.approx((60.0, 59.0, 61.0))


def test_png_written(tmp_path):
    b = board()
    # a mean a rounding error outside its interval must not break the error bars
    b["results"]["news"]["systems"]["lead-3"]["syllable"]["rouge1_f"] = {"mean": 0.3, "low": 0.3 + 1e-12, "high": 0.3}
    path = plot_leaderboard(b, tmp_path / "sub" / "chart.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
