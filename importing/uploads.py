"""Uploaded pages waiting for review: a private temporary store, never the session or MEDIA_ROOT.

Each upload is a directory named by a random token (mode 0700, files 0600) holding the page
files under names of our own and a manifest: who uploaded them, when, their original names and
SHA-256 digests, and what the last preview showed. Reading an upload back checks every file
against its digest, so what is written is exactly what was previewed. An upload is removed on
confirm or cancel, and by `sweep()` once it is older than MAX_AGE.

The directory is settings.IMPORT_UPLOAD_DIR, by default `newsroom-import-uploads` in the
system's temporary directory.

Page PDFs are read once, by a background task (importing/tasks.py), and what it read is kept
beside them: each page as the PDF layer returned it (pickled: written by this process into a
directory only it may open, and never taken from a request) and the review's page image.
"""

import hashlib
import json
import os
import pickle
import re
import secrets
import shutil
import tempfile
import time
from pathlib import Path

from django.conf import settings

from .pdf_pages import looks_like_pdf

MAX_AGE = 60 * 60  # seconds an upload may wait for its confirmation
TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
MANIFEST = "manifest.json"


class UploadGone(Exception):
    """The upload is not there (expired, confirmed, cancelled), not this user's, or altered."""


def root():
    path = Path(getattr(settings, "IMPORT_UPLOAD_DIR", None) or _default_root())
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def _default_root():
    return Path(tempfile.gettempdir()) / "newsroom-import-uploads"


def _digest(data):
    return hashlib.sha256(data).hexdigest()


def _write_private(path, data):
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)


class Upload:
    def __init__(self, token, manifest):
        self.token = token
        self.manifest = manifest

    @property
    def directory(self):
        return root() / self.token

    @classmethod
    def create(cls, files, user_id, **fields):
        """Store files, a list of (original name, bytes), for user_id; fields go in the manifest."""
        token = secrets.token_urlsafe(24)
        directory = root() / token
        directory.mkdir(mode=0o700)
        entries = []
        for index, (name, data) in enumerate(files, start=1):
            stored = f"page-{index:03d}.{'pdf' if looks_like_pdf(name, data) else 'txt'}"
            _write_private(directory / stored, data)
            entries.append({"name": name, "stored": stored, "sha256": _digest(data)})
        upload = cls(token, {"user": user_id, "created": time.time(), "files": entries, **fields})
        upload.save()
        return upload

    @classmethod
    def open(cls, token, user_id):
        """The upload of this token for this user, or UploadGone."""
        if not isinstance(token, str) or not TOKEN.match(token):
            raise UploadGone
        try:
            manifest = json.loads((root() / token / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise UploadGone from error
        if manifest.get("user") != user_id:
            raise UploadGone
        upload = cls(token, manifest)
        if time.time() - manifest["created"] > MAX_AGE:
            upload.discard()
            raise UploadGone
        return upload

    def files(self):
        """[(original name, bytes)], each checked against the digest taken at upload."""
        files = []
        for entry in self.manifest["files"]:
            try:
                data = (self.directory / entry["stored"]).read_bytes()
            except OSError as error:
                raise UploadGone from error
            if _digest(data) != entry["sha256"]:
                raise UploadGone
            files.append((entry["name"], data))
        return files

    def path(self, index):
        """The stored file of the index-th page (from 0)."""
        return self.directory / self.manifest["files"][index]["stored"]

    def is_pdf(self, index):
        return self.manifest["files"][index]["stored"].endswith(".pdf")

    def pdf_indexes(self):
        return [n for n in range(len(self.manifest["files"])) if self.is_pdf(n)]

    def save_reading(self, index, result):
        """Keep what the PDF layer read of page index (and its review image, if any)."""
        path = self.directory / f"read-{index:03d}.pickle"
        path.unlink(missing_ok=True)  # a task run again reads the page again
        _write_private(path, pickle.dumps(result))

    def readings(self):
        """{index: PageResult} of the page PDFs read so far."""
        found = {}
        for index in self.pdf_indexes():
            path = self.directory / f"read-{index:03d}.pickle"
            if path.exists():
                found[index] = pickle.loads(path.read_bytes())
        return found

    def save_review_image(self, index, data):
        path = self.directory / f"review-{index:03d}.jpg"
        path.unlink(missing_ok=True)
        _write_private(path, data)

    def review_image(self, index):
        try:
            return (self.directory / f"review-{int(index):03d}.jpg").read_bytes()
        except (OSError, ValueError) as error:
            raise UploadGone from error

    def save(self):
        path = self.directory / MANIFEST
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.manifest, ensure_ascii=False), encoding="utf-8")
        temporary.chmod(0o600)
        temporary.replace(path)

    def discard(self):
        shutil.rmtree(self.directory, ignore_errors=True)


def sweep(now=None):
    """Remove uploads older than MAX_AGE (by their directory's time); return how many."""
    now = time.time() if now is None else now
    removed = 0
    for directory in root().iterdir():
        if not TOKEN.match(directory.name):
            continue
        try:
            age = now - directory.stat().st_mtime
        except OSError:
            continue
        if age > MAX_AGE:
            shutil.rmtree(directory, ignore_errors=True)
            removed += 1
    return removed
