"""Decode the bytes of a text file as offices have them into Unicode (placeholder: UTF-8 only)."""
from __future__ import annotations

from dataclasses import dataclass

from chidao.errors import EncodingError


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, encoding: str | None = None, name: str | None = None) -> Decoded:
    if encoding:
        return Decoded(data.decode(encoding), encoding)
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        raise EncodingError("cannot decide the text encoding; name it with --encoding", name) from None
