import numpy as np

from provsum.data.dedup import NUM_PERM, cluster, exact_key, signature, word_hashes

# 200 distinct words; changing one word changes 5 of 196 shingles: Jaccard = 191 / 201 = 0.95
BASE = " ".join(f"chữ{i}" for i in range(200))
NEAR = BASE.replace("chữ100 ", "khác ")


def test_word_hashes_ignore_whitespace_and_case():
    assert np.array_equal(word_hashes("Hội  nghị\ngiao ban"), word_hashes("hội nghị giao BAN"))
    assert len(word_hashes("a b a")) == 3 and word_hashes("a b a")[0] == word_hashes("a b a")[2]
    assert exact_key("A  b\nc") == exact_key("a b c") != exact_key("a b d")



def test_word_hashes_lower_case_like_str_lower():
    """The compiled lower-casing gives the hashes of ``str.lower``'s words, the characters it leaves
    to Python (İ, the final sigma, beyond the basic plane) included, from a list or an Arrow array."""
    import zlib

    import pyarrow as pa

    from provsum.data.dedup import fingerprints

    texts = ["Đà NẴNG Hòa Ủy", "ΑΣ ΣΑ σΣ.", "İstanbul İ", "\u212a ǅ ẞ", "😀 Ầ", "", " \n "]
    for text in texts:
        expected = [zlib.crc32(w) for w in text.lower().encode("utf-8").split()]
        assert word_hashes(text).tolist() == expected, text
    keys, sigs = fingerprints(texts)
    keys_a, sigs_a = fingerprints(pa.array(["x"] + texts).slice(1))
    assert np.array_equal(keys, keys_a) and np.array_equal(sigs, sigs_a)
    assert keys[-1] == keys[-2] == 0


def test_exact_keys_match_exact_key():
    """The compiled keys of title + line break + lead are ``exact_key``'s, odd whitespace and the
    characters left to Python included."""
    import pyarrow as pa

    from provsum.data.dedup import exact_keys

    pairs = [("Hội  nghị", "giao BAN"), ("", ""), (" ", " \n "), ("A\u3000B\x1cC", "\u2028x\u00a0y"),
             ("\u212a ǅ", "Ấp"), ("x", ""), ("", "y  "), ("ΑΣ", "b"), ("İ", "😀")]
    expected = [exact_key(a + "\n" + b) for a, b in pairs]
    assert exact_keys([a for a, _ in pairs[:7]], [b for _, b in pairs[:7]]).tolist() == expected[:7]
    assert exact_keys(pa.array([a for a, _ in pairs]), pa.array([b for _, b in pairs])).tolist() == expected

def test_signature_similarity_tracks_jaccard():
    near = NEAR
    far = " ".join(f"từ{i}" for i in range(120))
    s0, s1, s2 = signature(BASE), signature(near), signature(far)
    assert s0.shape == (NUM_PERM,) and s0.dtype == np.uint32
    assert (s0 == s1).mean() >= 0.8
    assert (s0 == s2).mean() == 0.0
    assert np.array_equal(s0, signature(BASE))  # deterministic


def test_cluster_exact_and_near_and_distinct():
    near = NEAR
    far = " ".join(f"từ{i}" for i in range(120))
    texts = [BASE, far, near, BASE]
    sigs = np.stack([signature(t) for t in texts])
    keys = np.array([exact_key(t) for t in texts], dtype=np.uint64)
    res = cluster([keys], sigs)
    assert list(res.root) == [0, 1, 0, 0]
    assert res.exact_merges == 1 and res.near_merges == 1


def test_zero_keys_never_merge():
    far1 = " ".join(f"a{i}" for i in range(50))
    far2 = " ".join(f"b{i}" for i in range(50))
    sigs = np.stack([signature(far1), signature(far2)])
    res = cluster([np.array([0, 0], dtype=np.uint64)], sigs)
    assert list(res.root) == [0, 1]
