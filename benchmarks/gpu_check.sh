#!/usr/bin/env bash
# GPU check (issue 5, item 4): train a small from-scratch model on `news` for a fixed time budget,
# then summarize and score the `provincial` test split; writes tokens/s, peak memory, the GPU name
# and the scores to benchmarks/results/gpu_check.{md,json} (see benchmarks/gpu_check.py).
#
# Needs: one CUDA GPU, torch + transformers + accelerate + sentencepiece + tokenizers + pyarrow (the lent
# machines' image has them) and rapidfuzz (the scorer's LCS; carry it as a py3.12 wheel, see
# /work/.library/device/README.md), and the data: the built dataset is too large to travel, so first
#   python benchmarks/gpu_check_data.py            # here: runs/gpu-data, about 43 MiB
# then, on the device machine, carrying runs/gpu-data (and .whl):
#   PROVSUM_DATASET=runs/gpu-data bash benchmarks/gpu_check.sh
# A 240 s budget leaves room inside one 10-minute command for loading, tokenizer training,
# encoding, the final validation pass and generation on provincial/test.
#
#   BUDGET=120 ARCH=bart bash benchmarks/gpu_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || echo "nvidia-smi not available"
"${PYTHON:-python3}" -c "import torch, transformers, accelerate; print('torch', torch.__version__, 'transformers', transformers.__version__, 'cuda', torch.cuda.is_available())"
exec "${PYTHON:-python3}" benchmarks/gpu_check.py \
  --arch "${ARCH:-t5}" --size "${SIZE:-small}" --budget "${BUDGET:-240}" \
  --batch-size "${BATCH:-32}" --run-dir "${RUN_DIR:-runs/gpu-check}" "$@"
