"""ChidaoError and its subclasses: every message says what to do next."""
from __future__ import annotations


class ChidaoError(Exception):
    """Base of every error chidao raises on purpose. ``str(e)`` is one line for the user."""


class InputError(ChidaoError):
    """A file or argument the user gave cannot be used (missing, empty, binary, too large ...)."""

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class EncodingError(InputError):
    """The text encoding of a file cannot be decided."""


class UnsupportedFormatError(InputError):
    """The file's content is of a kind chidao cannot read."""


class MissingToolError(ChidaoError):
    """A system tool (LibreOffice, Tesseract ...) is not installed."""


class StorageError(ChidaoError):
    """The store cannot be reached or used."""


class NotFoundError(ChidaoError):
    """A record asked for does not exist."""


class ConflictError(ChidaoError):
    """A concurrent change won: reload and try again."""


class ValidationError(ChidaoError):
    """Data the user supplied is invalid; ``errors`` lists (line, message) pairs."""

    def __init__(self, message: str, errors: list[tuple[int, str]] | None = None) -> None:
        self.errors = errors or []
        super().__init__(message)
