"""`make bench` on a fresh machine: wrk is installed with apt-get when the runner is root,
and otherwise the runner stops before loading anything, saying how to install it."""

import os
import stat

import pytest

from bench.measure import load

# A stand-in apt-get: records its arguments; `install` puts a wrk on the same PATH.
FAKE_APT_GET = """#!/bin/sh
echo "$@" >> "{log}"
if [ "$1" = "install" ]; then
  printf '#!/bin/sh\\necho wrk 4.1.0\\n' > "{bin}/wrk"
  /bin/chmod +x "{bin}/wrk"
fi
exit {status}
"""


def _executable(path, text):
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def fresh_machine(tmp_path, monkeypatch):
    """A PATH with apt-get and no wrk."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))

    def with_apt_get(status=0):
        script = FAKE_APT_GET.format(log=tmp_path / "apt.log", bin=bin_dir, status=status)
        _executable(bin_dir / "apt-get", script)
        return tmp_path / "apt.log"

    return bin_dir, with_apt_get


def test_root_installs_wrk_with_apt_get(fresh_machine, monkeypatch):
    bin_dir, with_apt_get = fresh_machine
    apt_log = with_apt_get()
    monkeypatch.setattr(os, "geteuid", lambda: 0)

    assert load.ensure_wrk() == str(bin_dir / "wrk")
    assert apt_log.read_text().splitlines() == ["update -qq", "install -y -qq wrk"]


def test_not_root_stops_with_how_to_install(fresh_machine, monkeypatch):
    _, with_apt_get = fresh_machine
    apt_log = with_apt_get()
    monkeypatch.setattr(os, "geteuid", lambda: 1000)

    with pytest.raises(SystemExit) as stopped:
        load.ensure_wrk()
    assert "sudo apt-get install wrk" in str(stopped.value)
    assert "brew install wrk" in str(stopped.value)
    assert not apt_log.exists()


def test_no_apt_get_stops_with_how_to_install(fresh_machine, monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 0)

    with pytest.raises(SystemExit, match="brew install wrk"):
        load.ensure_wrk()


def test_failed_apt_get_stops_with_its_status(fresh_machine, monkeypatch):
    bin_dir, with_apt_get = fresh_machine
    with_apt_get(status=100)
    monkeypatch.setattr(os, "geteuid", lambda: 0)

    with pytest.raises(SystemExit, match="exit status 100"):
        load.ensure_wrk()
    assert not (bin_dir / "wrk").exists()


def test_wrk_already_there_is_used_without_apt_get(fresh_machine, monkeypatch):
    bin_dir, with_apt_get = fresh_machine
    apt_log = with_apt_get()
    _executable(bin_dir / "wrk", "#!/bin/sh\nexit 0\n")
    monkeypatch.setattr(os, "geteuid", lambda: 0)

    assert load.ensure_wrk() == str(bin_dir / "wrk")
    assert not apt_log.exists()
