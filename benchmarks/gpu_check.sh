#!/usr/bin/env bash
# GPU check (issue 5, item 4): train a small from-scratch model on `news` for a fixed time budget,
# then summarize and score the `provincial` test split; writes tokens/s, peak memory, the GPU name
# and the scores to benchmarks/results/gpu_check.{md,json} (see benchmarks/gpu_check.py).
#
# Needs: one CUDA GPU, torch + transformers + accelerate + tokenizers, and the built dataset under
# dataset/data (on a lent device machine, carry it: run(carry=["dataset/data"], ...)) or $PROVSUM_DATASET.
#
#   bash benchmarks/gpu_check.sh                       # t5 small, 240 s of training
#   BUDGET=120 ARCH=bart bash benchmarks/gpu_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || echo "nvidia-smi not available"
python -c "import torch, transformers, accelerate; print('torch', torch.__version__, 'transformers', transformers.__version__, 'cuda', torch.cuda.is_available())"
exec python benchmarks/gpu_check.py \
  --arch "${ARCH:-t5}" --size "${SIZE:-small}" --budget "${BUDGET:-240}" \
  --batch-size "${BATCH:-32}" --run-dir "${RUN_DIR:-runs/gpu-check}" "$@"
