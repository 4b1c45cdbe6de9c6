from collections import Counter

from provsum.data.splits import bucket, split_of


def test_split_is_a_pure_function_of_the_cluster_id():
    assert split_of("vietnews:data/test_tokenized/000001.txt.seg") == split_of("vietnews:data/test_tokenized/000001.txt.seg")
    assert bucket("vntc:a") == bucket("vntc:a")


def test_split_fractions():
    c = Counter(split_of(f"src:{i}") for i in range(20000))
    assert abs(c["train"] / 20000 - 0.65) < 0.01
    assert abs(c["validation"] / 20000 - 0.10) < 0.01
    assert abs(c["test"] / 20000 - 0.25) < 0.01
