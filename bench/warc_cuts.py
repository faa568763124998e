"""Benchmark: does any cut or damaged WARC lose records silently? A sweep over every cut point.

    python bench/warc_cuts.py [--archive examples/corpus/archive.warc.gz] [--step 1]

The archive is cut at every ``step``-th byte, gzipped (one member per record, as read) and plain
(decompressed); each cut file goes through the WARC reader (splitting and warcio parsing; no HTML
extraction). A cut loses records silently when fewer records come back than were whole before the
cut, or when the cut falls inside a record and no error names it. Then each byte of the archive is
flipped once (gzip only, every ``step``-th byte) and the records of the undamaged members counted.
Prints the counts, and the time the sweep took.
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import time
import zlib
from pathlib import Path

from newstrace.ingest.warc_split import RawRecord, split_warc

LIMIT = 50 * 1024 * 1024


def _records(data: bytes) -> list[RawRecord]:
    return list(split_warc(io.BytesIO(data), LIMIT))


def _member_ends(data: bytes) -> list[int]:
    ends, pos = [], 0
    while pos < len(data):
        inflater = zlib.decompressobj(31)
        inflater.decompress(data[pos:])
        pos = len(data) - len(inflater.unused_data)
        ends.append(pos)
    return ends


def _silent_losses(data: bytes, ends: list[int], step: int) -> tuple[int, int]:
    """(cuts that lost a record with no error, cuts tried)."""
    lost = tried = 0
    for cut in range(1, len(data), step):
        tried += 1
        found = _records(data[:cut])
        whole = sum(1 for end in ends if end <= cut)
        read = [r for r in found if r.data is not None]
        errors = [r for r in found if r.data is None]
        complete_but_unsealed = len(read) == whole + 1 and not errors  # only a gzip trailer was cut
        if not complete_but_unsealed and (len(read) < whole or (cut not in ends and not errors)):
            lost += 1
    return lost, tried


def _flips(data: bytes, ends: list[int], step: int) -> tuple[int, int]:
    """(flipped bytes after which a record of an undamaged member was lost, flips tried)."""
    lost = tried = 0
    starts = [0, *ends[:-1]]
    for pos in range(0, len(data), step):
        tried += 1
        damaged = bytearray(data)
        damaged[pos] ^= 0xFF
        hit = next(i for i, end in enumerate(ends) if pos < end)
        read = {r.number for r in _records(bytes(damaged)) if r.data is not None}
        expected = {i + 1 for i in range(len(ends)) if i != hit}
        if not expected <= read and starts[hit] != pos:  # a flipped gzip magic hides one member
            lost += 1
    return lost, tried


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, default=Path("examples/corpus/archive.warc.gz"))
    parser.add_argument("--step", type=int, default=1)
    args = parser.parse_args()
    data = args.archive.read_bytes()
    plain = gzip.decompress(data)
    began = time.perf_counter()
    ends = _member_ends(data)
    plain_ends = [*[m.start() for m in re.finditer(rb"WARC/1\.", plain)][1:], len(plain)]
    gz_lost, gz_tried = _silent_losses(data, ends, args.step)
    plain_lost, plain_tried = _silent_losses(plain, plain_ends, args.step)
    flip_lost, flip_tried = _flips(data, ends, max(args.step, 3))
    print(
        f"{args.archive} ({len(ends)} records): gzip cuts losing records silently {gz_lost}/{gz_tried}; "
        f"plain cuts {plain_lost}/{plain_tried}; "
        f"flipped bytes losing undamaged records {flip_lost}/{flip_tried}; "
        f"{time.perf_counter() - began:.1f} s"
    )


if __name__ == "__main__":
    main()
