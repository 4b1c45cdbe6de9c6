"""A tiny hand-written ProvSum dataset (provincial and news, test and train) for the bench tests."""

from __future__ import annotations

from pathlib import Path

PROVINCES = ["Quảng Ninh", "Nghệ An", "Cà Mau", "Lào Cai", "Bình Định", "Sơn La", "Hà Tĩnh", "Yên Bái"]

TEMPLATE = [
    "Ngày {d}/{m}, UBND tỉnh {p} tổ chức hội nghị giao ban kinh tế - xã hội tháng {m}.",
    "Đồng chí Nguyễn Văn {n}, Chủ tịch UBND tỉnh {p} chủ trì hội nghị.",
    "Theo báo cáo, tổng thu ngân sách trên địa bàn đạt {x} tỷ đồng, tăng {y}% so với cùng kỳ.",
    "Sản xuất nông nghiệp cơ bản ổn định, diện tích gieo trồng đạt {z} ha.",
    "Công tác cải cách hành chính được đẩy mạnh, tỷ lệ hồ sơ giải quyết đúng hạn đạt {y}9%.",
    "Tuy nhiên, tiến độ giải ngân vốn đầu tư công còn chậm.",
    "Kết luận hội nghị, đồng chí Chủ tịch yêu cầu các sở, ngành tập trung tháo gỡ khó khăn.",
]
SUMMARY = ("Ngày {d}/{m}, UBND tỉnh {p} tổ chức hội nghị giao ban tháng {m}, thu ngân sách đạt {x} tỷ đồng, "
           "tăng {y}% so với cùng kỳ.")
NAMES = ["Hưởng", "Thắng", "Bình", "Long", "Hải", "Tuấn", "Dũng", "Minh"]


def make_records(config: str, split: str, n: int) -> list[dict]:
    out = []
    for i in range(n):
        v = {"d": 3 + i, "m": 1 + (i % 12), "p": PROVINCES[i % len(PROVINCES)], "n": NAMES[(i * 3) % len(NAMES)],
             "x": 100 + 17 * i, "y": 2 + i % 7, "z": 1000 + 250 * i}
        sents = [s.format(**v) for s in TEMPLATE]
        # vary the order so that lead-k and the other systems differ
        if i % 3 == 1:
            sents = sents[1:3] + sents[:1] + sents[3:]
        elif i % 3 == 2:
            sents = sents[3:5] + sents[:3] + sents[5:]
        out.append({"id": f"{config}:{split}:{i:04d}", "title": f"Hội nghị tỉnh {v['p']}", "document": "\n".join(sents),
                    "summary": SUMMARY.format(**v), "source": "test", "outlet": None, "date": None, "url": None,
                    "level": None, "meeting_type": None, "province": v["p"]})
    return out


def write_fake_dataset(root: Path, sizes: dict | None = None) -> Path:
    """``root/data/<config>/<split>-00000-of-00001.parquet`` for provincial and news."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sizes = sizes or {("provincial", "test"): 9, ("news", "test"): 12, ("news", "train"): 30}
    for (config, split), n in sizes.items():
        folder = root / "data" / config
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(make_records(config, split, n)), folder / f"{split}-00000-of-00001.parquet")
    return root
