#!/usr/bin/env python
"""Score a predictions file with ProvSum's Vietnamese ROUGE — the same as `provsum score`.

    python scripts/score.py --predictions preds.jsonl --references refs.jsonl --out report.json
    python scripts/score.py --predictions preds.jsonl --config provincial --split test

From Python, the same in three lines:

    import provsum
    report = provsum.score(predictions, references)   # lists of str
    print(report.markdown())                           # or rich.print(report.table())
"""

import sys

from provsum.cli import main

if __name__ == "__main__":
    sys.exit(main(["score", *sys.argv[1:]]))
