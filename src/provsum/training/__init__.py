"""Training seq2seq summarizers (fine-tuning or from scratch) and their tokenizers.

``provsum.training.seq2seq.train_seq2seq(TrainOptions(...))`` is what ``provsum train`` runs.
Heavy libraries load inside the functions.
"""
