"""packaging/install.sh puts the app in the desktop's menu, and --uninstall takes it all back."""

from __future__ import annotations

import hashlib
import struct
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import INSTALL_SCRIPT, app_environment

ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
TIMEOUT_S = 180


def install(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(INSTALL_SCRIPT), *args],
        env=app_environment(home),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, str]:
    """Every path under ``folder`` with what it is: a folder, a link target or a hash."""
    seen: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            seen[key] = f"link to {path.readlink()}"
        elif path.is_dir():
            seen[key] = "folder"
        else:
            seen[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def exec_path(desktop_file: Path) -> Path:
    """The program of the entry's Exec key (one quoted argument, as install.sh writes it)."""
    (line,) = [x for x in desktop_file.read_text().splitlines() if x.startswith("Exec=")]
    value = line.removeprefix("Exec=")
    assert value.startswith('"')
    assert value.endswith('"')
    return Path(value[1:-1])


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home folder that already holds other apps' files in the folders install.sh uses."""
    home = tmp_path / "user"
    for relative, content in {
        ".local/bin/other-tool": "#!/bin/sh\n",
        ".local/share/applications/other.desktop": "[Desktop Entry]\n",
        ".local/share/icons/hicolor/48x48/apps/other.png": "not really a png",
        ".local/share/CareerCoach/careercoach.sqlite3": "the user's data",
    }.items():
        path = home / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    return home


def test_install_puts_the_app_in_the_menu_and_uninstall_takes_exactly_that_back(
    bundle: Path, home: Path
) -> None:
    before = snapshot(home)
    installed = install(home, "--bundle", str(bundle))
    assert installed.returncode == 0, installed.stderr
    local = home / ".local"
    assert f"installed CareerCoach in {local}" in installed.stdout

    desktop_file = local / "share" / "applications" / "careercoach.desktop"
    validated = subprocess.run(
        ["desktop-file-validate", str(desktop_file)], capture_output=True, text=True, check=False
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "Icon=careercoach" in desktop_file.read_text()
    program = exec_path(desktop_file)
    assert program == local / "lib" / "careercoach" / "careercoach"
    hicolor = local / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        assert png_size(hicolor / f"{size}x{size}" / "apps" / "careercoach.png") == (size, size)
    assert (hicolor / "scalable" / "apps" / "careercoach.svg").read_text().startswith("<svg")

    launcher = local / "bin" / "careercoach"
    version = subprocess.run(
        [str(launcher), "--version"],
        env=app_environment(home),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert version.stdout.startswith("CareerCoach ")

    removed = install(home, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert snapshot(home) == before


def test_the_installed_app_passes_its_smoke_test_from_the_menu_entry(
    bundle: Path, tmp_path: Path
) -> None:
    home = tmp_path / "user"
    home.mkdir()
    prefix = tmp_path / "apps with spaces"
    assert install(home, "--bundle", str(bundle), "--prefix", str(prefix)).returncode == 0
    program = exec_path(prefix / "share" / "applications" / "careercoach.desktop")
    done = subprocess.run(
        [str(program), "--smoke-test"],
        env=app_environment(home, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert install(home, "--prefix", str(prefix), "--uninstall").returncode == 0
    assert not prefix.exists()  # the prefix did not exist before: nothing is left of it


def test_installing_again_replaces_the_earlier_install(bundle: Path, home: Path) -> None:
    before = snapshot(home)
    assert install(home, "--bundle", str(bundle)).returncode == 0
    first = snapshot(home)
    again = install(home, "--bundle", str(bundle))
    assert again.returncode == 0, again.stderr
    assert "replacing the CareerCoach installed in" in again.stdout
    assert snapshot(home) == first
    assert install(home, "--uninstall").returncode == 0
    assert snapshot(home) == before


def test_uninstall_keeps_files_the_user_added_among_the_installed_ones(
    bundle: Path, home: Path
) -> None:
    assert install(home, "--bundle", str(bundle)).returncode == 0
    added = home / ".local" / "share" / "icons" / "hicolor" / "512x512" / "apps" / "mine.png"
    added.write_text("the user's own icon")
    removed = install(home, "--uninstall")
    assert removed.returncode == 0
    assert added.read_text() == "the user's own icon"
    assert "kept" in removed.stdout
    assert not (home / ".local" / "lib" / "careercoach").exists()


def test_uninstall_without_an_install_says_so_and_changes_nothing(home: Path) -> None:
    before = snapshot(home)
    removed = install(home, "--uninstall")
    assert removed.returncode == 1
    assert "CareerCoach is not installed in" in removed.stderr
    assert snapshot(home) == before


def test_install_without_a_build_says_how_to_build(home: Path, tmp_path: Path) -> None:
    before = snapshot(home)
    refused = install(home, "--bundle", str(tmp_path / "nowhere"))
    assert refused.returncode == 2
    assert "build it first with packaging/build.sh" in refused.stderr
    assert snapshot(home) == before


def test_install_never_overwrites_a_careercoach_it_did_not_install(
    bundle: Path, home: Path
) -> None:
    foreign = home / ".local" / "bin" / "careercoach"
    foreign.write_text("#!/bin/sh\necho another careercoach\n")
    before = snapshot(home)
    refused = install(home, "--bundle", str(bundle))
    assert refused.returncode == 2
    assert f"{foreign} already exists and was not installed by this script" in refused.stderr
    assert snapshot(home) == before
