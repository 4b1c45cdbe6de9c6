#!/usr/bin/env python
"""Train a summarizer: the same as `provsum train ...`. Works under `accelerate launch` and `torchrun`:

    python scripts/train.py --from-scratch --arch t5 --size small --config news --out runs/t5-small
    torchrun --nproc_per_node 4 scripts/train.py --model VietAI/vit5-base --config news --out runs/vit5
"""

import sys

from provsum.cli import main

if __name__ == "__main__":
    sys.exit(main(["train", *sys.argv[1:]]))
