"""`make mutation`: mutmut over each module whose rules people rely on, one module at a time.

    .venv/bin/python bench/mutation_run.py [MODULE ...] [--jobs N]

Each module (pyproject's [tool.mutmut] only_mutate; all of them when none is named) runs in a
copy of the checkout of its own, var/mutation/<module>/, whose [tool.mutmut] mutates that module
only and selects the test files bench/mutation_modules.toml lists for it. One run over every
module with the union of all selections took hours here: each mutant ran every module's tests.
The copies stay between runs, so a second run re-tests only what changed (mutmut's own
incremental rule) and an interrupted one goes on where it stopped. Each module's results
(mutants/<module>.meta) are copied into the checkout's mutants/, which bench/mutation_report.py
reads.

Every mutant's test session starts from a copy of one migrated SQLite file
(MUTATION_TEST_DB_TEMPLATE, tests/conftest.py): migrating anew was most of a mutant's time.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SELECTIONS = ROOT / "bench" / "mutation_modules.toml"
SCRATCH = ROOT / "var" / "mutation"
TEMPLATE_DB = ROOT / "var" / "mutation-test-db.sqlite3"
PYTHON = Path(sys.executable)
# Never copied into a module's copy: its own results and the checkout's generated state.
KEEP_OUT = ("mutants/", "var/", ".venv/", "staticfiles/", "media/", "screenshots/")


def mutmut_config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mutmut"]


def check_copied_apps():
    """Every app of the project is copied into mutants/: a new app missing from source_paths
    would fail every mutant's test session at start-up (No module named …)."""
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    missing = sorted(apps - set(mutmut_config()["source_paths"]))
    if missing:
        raise SystemExit(
            f"pyproject [tool.mutmut] source_paths lacks the apps: {', '.join(missing)}"
        )


def selections():
    """module -> its test files (globs expanded), every module of only_mutate named, each found."""
    chosen = tomllib.loads(SELECTIONS.read_text())
    modules = mutmut_config()["only_mutate"]
    missing = [module for module in modules if module not in chosen]
    if missing:
        raise SystemExit(f"{SELECTIONS.name} names no tests for: {', '.join(missing)}")
    found = {}
    for module in modules:
        found[module] = []
        for pattern in chosen[module]:
            matches = sorted(path.relative_to(ROOT).as_posix() for path in ROOT.glob(pattern))
            if not matches:
                raise SystemExit(f"{SELECTIONS.name}: {module}: no test file {pattern}")
            found[module] += matches
    return found


def checkout_files():
    """The checkout's files as git sees them: tracked, and new ones not ignored."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    names = [name for name in listing.split("\0") if name and not name.startswith(KEEP_OUT)]
    return [name for name in names if (ROOT / name).is_file()]


def sync(copy):
    """Bring the module's copy up to the checkout: changed files copied, removed ones removed."""
    wanted = set(checkout_files())
    for name in wanted:
        source, target = ROOT / name, copy / name
        stat = source.stat()
        if target.exists():
            mine = target.stat()
            if mine.st_size == stat.st_size and mine.st_mtime_ns == stat.st_mtime_ns:
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    for path in copy.rglob("*"):
        name = path.relative_to(copy).as_posix()
        if path.is_file() and not name.startswith(KEEP_OUT) and "__pycache__" not in name:
            if name not in wanted and name != "pyproject.toml":
                path.unlink()


def toml_list(values):
    # JSON strings are TOML basic strings for the plain paths used here.
    return "[" + ", ".join(json.dumps(value) for value in values) + "]"


def write_config(copy, module, tests):
    """The copy's pyproject: the checkout's, its [tool.mutmut] narrowed to one module."""
    text = (ROOT / "pyproject.toml").read_text()
    start = text.index("[tool.mutmut]")
    end = text.find("\n[", start + 1)
    config = mutmut_config()
    section = "\n".join(
        [
            "[tool.mutmut]",
            f"source_paths = {toml_list(config['source_paths'])}",
            f"also_copy = {toml_list(config.get('also_copy', []))}",
            f"only_mutate = {toml_list([module])}",
            f"pytest_add_cli_args_test_selection = {toml_list(tests)}",
            "",
        ]
    )
    rest = text[end:] if end != -1 else "\n"
    target = copy / "pyproject.toml"
    new = text[:start] + section + rest
    if not target.exists() or target.read_text() != new:
        target.write_text(new)


def test_environment():
    env = {
        **os.environ,
        "SECRET_KEY": "test-only-not-secret",
        "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        "SECURE_HTTPS": "0",
        "STATIC_ROOT": str(ROOT / "staticfiles"),
    }
    env.pop("DATABASE_URL", None)  # mutants run on SQLite: the template below is one file
    return env


def migrate_template(env):
    TEMPLATE_DB.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE_DB.unlink(missing_ok=True)
    manage = [PYTHON, ROOT / "manage.py"]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [*manage, "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env={**env, "SQLITE_PATH": str(TEMPLATE_DB)},
        check=True,
    )


def run_module(module, tests, jobs, env):
    copy = SCRATCH / module.removesuffix(".py").replace("/", ".")
    copy.mkdir(parents=True, exist_ok=True)
    sync(copy)
    write_config(copy, module, tests)
    print(f"== {module}: {len(tests)} test files, in {copy.relative_to(ROOT)}", flush=True)
    mutmut = PYTHON.parent / "mutmut"
    subprocess.run(
        [mutmut, "run", "--max-children", str(jobs)],
        cwd=copy,
        env={**env, "MUTATION_TEST_DB_TEMPLATE": str(TEMPLATE_DB)},
        check=True,
    )
    meta = Path("mutants") / f"{module}.meta"
    (ROOT / meta).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(copy / meta, ROOT / meta)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="paths as in only_mutate (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once")
    args = parser.parse_args()
    chosen = selections()
    unknown = [module for module in args.modules if module not in chosen]
    if unknown:
        parser.error(f"not in [tool.mutmut] only_mutate: {', '.join(unknown)}")
    check_copied_apps()
    env = test_environment()
    migrate_template(env)
    for module in args.modules or chosen:
        run_module(module, chosen[module], args.jobs, env)


if __name__ == "__main__":
    main()
