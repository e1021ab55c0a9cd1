"""Keep the README honest: its commands are the ones CI runs, and each `tallylog` command in it works."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```sh\n(.*?)```", README, re.S)


def _commands() -> list[str]:
    out = []
    for block in BLOCKS:
        for line in block.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def test_ci_runs_the_readme_test_command():
    setup, test = _commands()[:2]
    assert "pytest" in test
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci, "the README's test command must be what .ci/run calls"
    assert "tallylog extract --sample" in setup


@pytest.mark.parametrize("command", [c for c in _commands() if ".venv/bin/tallylog" in c])
def test_each_tallylog_command_in_the_readme_runs(command, shared):
    # the setup part of the first command (venv + pip) is what CI itself does; run the tallylog part here
    part = command.split("&&")[-1].strip()
    argv = shlex.split(part)
    exe = Path(sys.executable).with_name("tallylog")
    argv[0] = str(exe)
    proc = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, (command, proc.stderr[-2000:])
    assert proc.stdout.strip(), command
