"""One Settings object: where the store is and the limits on input; read from the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DATABASE_URL = "sqlite:///chidao.db"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    max_input_bytes: int = DEFAULT_MAX_BYTES

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        max_bytes = env.get("CHIDAO_MAX_INPUT_BYTES")
        return cls(
            database_url=env.get("CHIDAO_DATABASE_URL", DEFAULT_DATABASE_URL),
            max_input_bytes=int(max_bytes) if max_bytes else DEFAULT_MAX_BYTES,
        )
