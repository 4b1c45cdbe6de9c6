"""seq2seq: any ``transformers`` ``AutoModelForSeq2SeqLM`` (ViT5, BARTpho, mT5, mBART, or a model
trained with ``provsum train``), from a local folder or a hub id.

Documents are joined into running text (sentences separated by a space), prefixed with the task
prefix (``prefix``; a model trained by ``provsum train`` records its own in
``provsum_training.json`` and it is used by default), truncated to ``max_source_length`` tokens
(the number of truncated documents is counted and warned about), sorted by length into batches,
and decoded with beam search and length controls. On a GPU the model runs in bf16 when the card
supports it (``dtype="auto"``), or fp16/fp32 on request; without a GPU it runs on the CPU in fp32.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Sequence

from provsum.errors import InputError
from provsum.summarizers.base import Summarizer, check_ids, document_sentences

TRAINING_RECORD = "provsum_training.json"
DTYPES = ("auto", "fp32", "bf16", "fp16")


def local_models(*roots: str | Path) -> list[str]:
    """Folders under ``roots`` (two levels deep) that hold a transformers model (a config.json)."""
    found: set[str] = set()
    for root in roots:
        root = Path(root)
        if not root.is_dir():
            continue
        for cfg in list(root.glob("config.json")) + list(root.glob("*/config.json")) + list(root.glob("*/*/config.json")):
            found.add(str(cfg.parent))
    return sorted(found)


_HUB_ID = re.compile(r"^(?:[A-Za-z0-9][\w.-]*/)?[A-Za-z0-9][\w.-]*$")


def _looks_local(name: str) -> bool:
    """A path rather than a hub id: starts like a path, has more than one '/', or its parent folder exists."""
    if name.startswith((".", "/", "~")) or not _HUB_ID.match(name):
        return True
    parent = Path(name).parent
    return parent != Path(".") and parent.is_dir()


def resolve_model(model: str) -> str:
    """A local folder as is; a missing local path is an error that lists the models that exist."""
    path = Path(model).expanduser()
    if path.is_dir():
        if not (path / "config.json").exists():
            raise InputError(f"seq2seq: {path} has no config.json, so it is not a model folder; "
                             f"models there: {', '.join(local_models(path)) or 'none'}")
        return str(path)
    if path.exists():
        raise InputError(f"seq2seq: {path} is a file, expected a model folder or a hub id")
    if _looks_local(model):
        roots = [path.parent if path.parent.is_dir() else Path("."), Path("runs")]
        listed = local_models(*roots)
        raise InputError(
            f"seq2seq: no model at {model}; local models: {', '.join(listed) if listed else 'none found'} "
            "(or give a hub id such as VietAI/vit5-base-vietnews-summarization)"
        )
    return model  # a hub id: owner/name


def pick_device(device: str | None) -> str:
    import torch

    if device:
        return device
    if torch.cuda.is_available():
        return "cuda"
    return "cpu"


def pick_dtype(dtype: str, device: str):
    import torch

    if dtype not in DTYPES:
        raise InputError(f"seq2seq: unknown dtype {dtype!r}; dtypes are {', '.join(DTYPES)}")
    on_gpu = device.startswith("cuda")
    if dtype == "auto":
        return torch.bfloat16 if on_gpu and torch.cuda.is_bf16_supported() else torch.float32
    if dtype in ("bf16", "fp16") and not on_gpu:
        warnings.warn(f"seq2seq: {dtype} requested on {device}; using fp32", RuntimeWarning, stacklevel=3)
        return torch.float32
    return {"fp32": torch.float32, "bf16": torch.bfloat16, "fp16": torch.float16}[dtype]


class Seq2SeqSummarizer(Summarizer):
    name = "seq2seq"

    def __init__(
        self,
        model: str | None = None,
        prefix: str | None = None,
        max_source_length: int | None = None,
        max_target_length: int | None = None,
        min_target_length: int = 0,
        num_beams: int = 4,
        length_penalty: float = 1.0,
        no_repeat_ngram_size: int = 3,
        batch_size: int = 8,
        device: str | None = None,
        dtype: str = "auto",
        device_map: str | None = None,
        src_lang: str | None = None,
        tgt_lang: str | None = None,
        progress: bool = True,
        seed: int = 0,
    ):
        super().__init__()
        if model is None:
            raise InputError("seq2seq needs model=PATH_OR_HUB_ID")
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        resolved = resolve_model(str(model))
        record = {}
        rec_path = Path(resolved) / TRAINING_RECORD
        if rec_path.exists():
            record = json.loads(rec_path.read_text(encoding="utf-8"))
        self.prefix = prefix if prefix is not None else record.get("prefix", "")
        self.device = pick_device(None if device_map else device)
        torch_dtype = pick_dtype(dtype, self.device)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(resolved)
            kwargs = {"dtype": torch_dtype}
            if device_map:
                kwargs["device_map"] = device_map
            self.model = AutoModelForSeq2SeqLM.from_pretrained(resolved, **kwargs)
        except (OSError, ValueError) as exc:
            listed = local_models(Path("."), Path("runs"))
            raise InputError(
                f"seq2seq: cannot load model {model!r} ({str(exc).splitlines()[0]}); "
                f"local models: {', '.join(listed) if listed else 'none found'}"
            ) from None
        if not device_map:
            self.model.to(self.device)
        else:
            self.device = str(next(self.model.parameters()).device)
        self.model.eval()
        # lengths come from max_new_tokens / min_new_tokens; a checkpoint's max_length would clash
        self.model.generation_config.max_length = None
        self.model.generation_config.min_length = None
        limit = _model_input_limit(self.model, self.tokenizer)
        self.max_source_length = int(max_source_length or record.get("max_source_length") or min(limit, 1024))
        if self.max_source_length > limit:
            warnings.warn(f"seq2seq: max_source_length {self.max_source_length} exceeds the model's {limit}; using {limit}",
                          RuntimeWarning, stacklevel=2)
            self.max_source_length = limit
        self.max_target_length = int(max_target_length or record.get("max_target_length") or 256)
        self.min_target_length = int(min_target_length)
        self.num_beams = int(num_beams)
        self.length_penalty = float(length_penalty)
        self.no_repeat_ngram_size = int(no_repeat_ngram_size)
        self.batch_size = int(batch_size)
        self.progress = bool(progress)
        self.seed = int(seed)
        self.forced_bos_token_id = None
        if src_lang:
            self.tokenizer.src_lang = src_lang
        if tgt_lang:
            tok_id = self.tokenizer.convert_tokens_to_ids(tgt_lang)
            if tok_id is None or tok_id == self.tokenizer.unk_token_id:
                raise InputError(f"seq2seq: tgt_lang {tgt_lang!r} is not a token of this tokenizer")
            self.forced_bos_token_id = tok_id
        self.truncated = 0
        self.settings = {
            "system": "seq2seq",
            "model": str(model),
            "architecture": type(self.model).__name__,
            "parameters": sum(p.numel() for p in self.model.parameters()),
            "prefix": self.prefix,
            "max_source_length": self.max_source_length,
            "max_target_length": self.max_target_length,
            "min_target_length": self.min_target_length,
            "num_beams": self.num_beams,
            "length_penalty": self.length_penalty,
            "no_repeat_ngram_size": self.no_repeat_ngram_size,
            "batch_size": self.batch_size,
            "device": self.device,
            "dtype": str(torch_dtype).replace("torch.", ""),
            "src_lang": src_lang,
            "tgt_lang": tgt_lang,
            "seed": self.seed,
        }

    def source_text(self, document: str) -> str:
        return self.prefix + " ".join(document_sentences(document))

    def summarize(self, documents: Sequence[str], ids: Sequence[str] | None = None) -> list[str]:
        import torch
        from tqdm.auto import tqdm

        check_ids(documents, ids)
        torch.manual_seed(self.seed)
        out = [""] * len(documents)
        todo = [i for i, d in enumerate(documents) if document_sentences(d)]
        self._warn_empty(len(documents) - len(todo))
        if not todo:
            return out
        texts = {i: self.source_text(documents[i]) for i in todo}
        lengths = {i: len(ids_) for i, ids_ in zip(todo, self.tokenizer([texts[i] for i in todo], verbose=False)["input_ids"])}
        truncated = sum(1 for n in lengths.values() if n > self.max_source_length)
        if truncated:
            self.truncated += truncated
            warnings.warn(
                f"seq2seq: {truncated} of {len(todo)} document(s) longer than {self.max_source_length} tokens were truncated",
                RuntimeWarning,
                stacklevel=2,
            )
        order = sorted(todo, key=lambda i: -lengths[i])
        batches = [order[k : k + self.batch_size] for k in range(0, len(order), self.batch_size)]
        gen_kwargs = {
            "num_beams": self.num_beams,
            "max_new_tokens": self.max_target_length,
            "min_new_tokens": self.min_target_length,
            "length_penalty": self.length_penalty,
            "no_repeat_ngram_size": self.no_repeat_ngram_size,
            "early_stopping": self.num_beams > 1,
        }
        if self.forced_bos_token_id is not None:
            gen_kwargs["forced_bos_token_id"] = self.forced_bos_token_id
        with torch.inference_mode():
            for batch in tqdm(batches, desc="seq2seq", unit="batch", disable=not self.progress):
                enc = self.tokenizer(
                    [texts[i] for i in batch],
                    max_length=self.max_source_length,
                    truncation=True,
                    padding=True,
                    return_tensors="pt",
                ).to(self.device)
                enc.pop("token_type_ids", None)
                generated = self.model.generate(**enc, **gen_kwargs)
                decoded = self.tokenizer.batch_decode(generated, skip_special_tokens=True, clean_up_tokenization_spaces=True)
                for i, text in zip(batch, decoded):
                    out[i] = " ".join(text.split())
        return out


def _model_input_limit(model, tokenizer) -> int:
    """The longest input the model accepts: learned position tables bound it (BART/mBART);
    relative-position models (T5) are bounded by the tokenizer's declared maximum, if any."""
    cfg = model.config
    limits = []
    pos = getattr(cfg, "max_position_embeddings", None)
    if pos and getattr(cfg, "model_type", "") != "t5":
        limits.append(int(pos))
    tok_max = getattr(tokenizer, "model_max_length", None)
    if tok_max and tok_max < 1_000_000:
        limits.append(int(tok_max))
    return min(limits) if limits else 1024
