#!/usr/bin/env python
"""Build the ProvSum dataset (all configs and splits) from the source corpora.

    python scripts/build_dataset.py [--corpora DIR] [--out dataset] [--no-verify] [--workers 2]

Same as `provsum build`; see `provsum build --help`.
"""

import sys

from provsum.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
