"""Keep the README honest: its commands are the ones CI runs, and each `tallylog` command in it works."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path


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
    assert "tallylog run --sample" in setup


def test_each_tallylog_command_in_the_readme_runs(shared, tmp_path):
    """Every `tallylog` command of the README, in order (later ones read the ledgers earlier ones write);
    the venv/pip part of the first command is what CI itself does. Ledgers go to a temporary folder."""
    import os

    exe = Path(sys.executable).with_name("tallylog")
    env = {**os.environ, "TALLYLOG_DB": str(tmp_path / "tallylog.db")}
    ran = 0
    for command in _commands():
        for part in command.split("&&"):
            part = part.strip()
            if not part.startswith(".venv/bin/tallylog"):
                continue
            argv = shlex.split(part)
            argv[0] = str(exe)
            argv = [str(tmp_path / a) if a.endswith((".db", ".html", ".png")) else a for a in argv]
            proc = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=900, env=env)
            assert proc.returncode == 0, (part, proc.stderr[-2000:])
            assert proc.stdout.strip() or proc.stderr.strip(), part
            for a in argv:
                if a.endswith((".html", ".png")):
                    assert Path(a).stat().st_size > 1000, (part, a)
            ran += 1
    assert ran >= 8
