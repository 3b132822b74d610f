"""Django for the benchmark scripts: `from django_setup import ROOT` first, then Django imports.

The project on the path and production-like settings: DEBUG off (no query log growing with
the run), plain http on 127.0.0.1 (no https redirect), a throwaway key. Any of these can be
set in the environment instead.
"""

import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_HTTPS", "0")

django.setup()
