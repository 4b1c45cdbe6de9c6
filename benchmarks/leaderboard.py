"""The leaderboard: the same as `provsum bench` (every option of it works here).

    python benchmarks/leaderboard.py [--news-sample 1000] [--system seq2seq --model DIR] ...

Writes benchmarks/results/leaderboard.{json,md,png}; see src/provsum/bench/runner.py.
"""

import sys

from provsum.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", *sys.argv[1:]]))
