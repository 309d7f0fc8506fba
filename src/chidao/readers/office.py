"""Convert .doc, .odt and .rtf to .docx with LibreOffice headless, then read them as .docx."""
from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

from chidao.errors import InputError, MissingToolError
from chidao.readers.docx import docx_text

DEBIAN_PACKAGE = "libreoffice-writer-nogui"
TIMEOUT_SECONDS = 180

_profile_lock = threading.Lock()
_profile_dir: str | None = None


def find_soffice() -> str:
    """The LibreOffice program, or a ``MissingToolError`` naming the Debian package."""
    for exe in ("soffice", "libreoffice"):
        found = shutil.which(exe)
        if found:
            return found
    raise MissingToolError(
        "LibreOffice is needed to read .doc, .odt and .rtf files but is not installed; install the "
        f"Debian package {DEBIAN_PACKAGE} (sudo apt-get install {DEBIAN_PACKAGE}, or make system-deps), "
        "or save the file as .docx")


def _profile() -> str:
    # One LibreOffice user profile per process: making one costs seconds, and two running
    # instances must not share one.
    global _profile_dir
    with _profile_lock:
        if _profile_dir is None:
            _profile_dir = tempfile.mkdtemp(prefix="chidao-lo-")
            atexit.register(shutil.rmtree, _profile_dir, True)
        return _profile_dir


def convert(data: bytes, src_ext: str, target: str = "docx", name: str | None = None,
            timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The bytes of ``data`` (a file ending ``src_ext``) converted by LibreOffice to ``target``."""
    exe = find_soffice()
    profile = _profile()
    with tempfile.TemporaryDirectory(prefix="chidao-conv-") as tmp:
        src = Path(tmp) / f"input{src_ext}"
        src.write_bytes(data)
        outdir = Path(tmp) / "out"
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--nologo", "--convert-to", target, "--outdir", str(outdir), str(src)]
        env = dict(os.environ, HOME=tmp)
        with _profile_lock:                     # one conversion at a time per profile
            try:
                proc = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env,
                                      stdin=subprocess.DEVNULL)
            except subprocess.TimeoutExpired:
                raise InputError(f"LibreOffice took more than {timeout:.0f} s to convert the file; "
                                 "open it in Word or LibreOffice and save it as .docx", name) from None
        out = outdir / f"input.{target.split(':')[0]}"
        if not out.is_file() or out.stat().st_size == 0:
            detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
            hint = f" ({detail[-1][:120]})" if detail else ""
            raise InputError("LibreOffice could not convert the file: it is damaged or protected by a "
                             f"password{hint}; open it in Word or LibreOffice and save it as .docx", name)
        return out.read_bytes()


def office_text(data: bytes, fmt: str, name: str | None = None) -> tuple[str, dict[str, Any]]:
    """The text of a .doc, .odt or .rtf file read through a LibreOffice conversion to .docx."""
    ext = {"doc": ".doc", "odt": ".odt", "rtf": ".rtf"}.get(fmt, "." + fmt)
    converted = convert(data, ext, "docx", name=name)
    text, meta = docx_text(converted, name)
    app = str(meta.pop("application", ""))
    m = re.match(r"LibreOffice/([\d.]+)", app)
    meta["converted_with"] = f"LibreOffice {m.group(1)}" if m else "LibreOffice"
    return text, meta
