from __future__ import annotations

import pytest

from factcheck.ingest.decode import decode_bytes
from factcheck.ingest.errors import Rejected


def test_utf8_and_bom():
    assert decode_bytes("Café “quoted”".encode()).text == "Café “quoted”"
    assert decode_bytes("\ufeffHello".encode()).text == "Hello"


def test_legacy_encoding_is_decoded_and_noted():
    text = (
        "Le ministre a déclaré à la presse que la réunion était très importante pour "
        "l'économie française. Les élèves étaient présents à l'école à côté du théâtre."
    )
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded.text == text
    assert decoded.note and "detected" in decoded.note


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty"), (b"  \n\t ", "blank"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary")],
)
def test_rejections(data, reason):
    with pytest.raises(Rejected, match=reason):
        decode_bytes(data)


def test_random_bytes_are_not_text():
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(128, 256) for _ in range(4000))
    with pytest.raises(Rejected):
        decode_bytes(data)
