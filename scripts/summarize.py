#!/usr/bin/env python
"""Run a summarizer and write predictions: the same as `provsum summarize ...`.

    python scripts/summarize.py --system lead-3 --config provincial --split test --out runs/lead3.jsonl
"""

import sys

from provsum.cli import main

if __name__ == "__main__":
    sys.exit(main(["summarize", *sys.argv[1:]]))
