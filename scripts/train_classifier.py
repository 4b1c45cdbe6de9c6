#!/usr/bin/env python
"""Fine-tune an encoder on the hand labels to recognise provincial meeting reports, and score it on the held-out
audit phase beside the rules (``provsum.training.classifier``):

    python scripts/train_classifier.py --model vinai/phobert-base --out runs/clf-phobert          # a GPU, the weights
    python scripts/train_classifier.py --from-scratch --size small --out runs/clf-small --epochs 5  # no weights needed

Prints the held-out phase's stratum-weighted precision / recall (model at 0.3 / 0.5 / 0.7, and the rules).
"""

import argparse
import json
import sys
from dataclasses import fields

from provsum.errors import ProvSumError
from provsum.training.classifier import ClassifierOptions, train_classifier


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output folder (model, tokenizer, metrics.json)")
    ap.add_argument("--model", default="vinai/phobert-base", help="hub id or local model folder")
    ap.add_argument("--from-scratch", action="store_true", help="a small RoBERTa-style encoder, no pretrained weights")
    defaults = {f.name: f.default for f in fields(ClassifierOptions)}
    for name in ("size", "vocab_size", "heldout_phase", "max_length", "epochs", "batch_size", "learning_rate", "seed",
                 "device", "annotations_dir", "dataset_dir"):
        kind = type(defaults[name]) if defaults[name] is not None else str
        kind = float if name == "learning_rate" else int if name == "heldout_phase" else kind
        ap.add_argument("--" + name.replace("_", "-"), type=kind, default=defaults[name])
    args = ap.parse_args()
    opts = ClassifierOptions(output_dir=args.out, model=None if args.from_scratch else args.model,
                             from_scratch=args.from_scratch,
                             **{k: getattr(args, k) for k in defaults if k not in ("output_dir", "model", "from_scratch",
                                                                                    "segment_words", "weight_decay",
                                                                                    "warmup_ratio")})
    try:
        metrics = train_classifier(opts)
    except ProvSumError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    held = metrics.get("heldout")
    if held:
        print(f"held-out phase {held['phase']} ({held['examples']} articles), provincial meeting report:")
        for name, s in held["scores"].items():
            print(f"  {name:10s} precision {s['precision']:.3f} {s['precision_ci95']}  "
                  f"recall {s['recall']:.3f} {s['recall_ci95']}")
    print(json.dumps({k: v for k, v in metrics.items() if k != "heldout"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
