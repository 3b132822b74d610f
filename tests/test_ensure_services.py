"""`make test` brings up what its tests need, as .ci/run does, through one script (issue 13,
item 12: without Chromium and Java, which only .ci/run installed, a newcomer's first `make test`
stopped with "Install Debian's Chromium")."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

SCRIPT = settings.BASE_DIR / ".ci" / "ensure_services"


@pytest.fixture
def machine_without(request):
    """A PATH like this machine's, without the commands named: a fresh machine, for a script."""
    absent = set(request.param)
    directory = Path(tempfile.mkdtemp(prefix="fresh-machine-"))
    directory.chmod(0o755)  # readable by the unprivileged user below
    for folder in ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"]:
        for command in Path(folder).iterdir():
            link = directory / command.name
            if command.name not in absent and not link.exists():
                link.symlink_to(command)
    yield str(directory)
    shutil.rmtree(directory)


def run_unprivileged(path):
    """The script as a user who cannot install packages: nobody, when the tests run as root."""
    command = [str(SCRIPT)]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
    return subprocess.run(
        command,
        env={"PATH": path, "HOME": "/tmp"},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("machine_without", [["chromium", "java"]], indirect=True)
def test_without_chromium_and_java_it_prints_the_one_command_to_run(machine_without):
    result = run_unprivileged(machine_without)

    assert result.returncode == 1
    assert "sudo apt-get install -y chromium default-jre-headless\n" in result.stderr


@pytest.mark.parametrize("machine_without", [[]], indirect=True)
def test_with_everything_there_it_succeeds_and_redis_answers(machine_without):
    result = run_unprivileged(machine_without)

    assert result.returncode == 0, result.stderr
    ping = subprocess.run(
        ["redis-cli", "-h", "127.0.0.1", "-p", "6379", "ping"], capture_output=True
    )
    assert ping.stdout.strip() == b"PONG"


def test_make_test_and_ci_both_start_with_the_script():
    dry_run = subprocess.run(
        ["make", "--no-print-directory", "-n", "test"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        # Under `make test` the parent's MAKEFLAGS would make this run print its directory.
        env={
            **{k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")},
            "DATABASE_URL": "",
        },
    )
    ci = (settings.BASE_DIR / ".ci" / "run").read_text()

    assert dry_run.stdout.splitlines()[0].strip() == ".ci/ensure_services"
    assert ".ci/ensure_services --postgres" in ci
    assert "make test" in ci
