#!/usr/bin/env bash
# Build the CareerCoach desktop app as one folder: dist/careercoach/careercoach (Linux).
#
# Usage: packaging/build.sh [--dist DIR] [--work DIR]
#   --dist DIR   where the app folder goes (default: dist/ in the checkout)
#   --work DIR   PyInstaller's scratch folder (default: build/ in the checkout)
#
# Besides the app, dist/careercoach/share/ holds the desktop entry and the icons that
# packaging/install.sh puts where the desktop's menu finds them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$root/dist"
work="$root/build"

usage() { sed -n '4,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --dist) dist="${2:?--dist needs a folder}"; shift 2 ;;
        --work) work="${2:?--work needs a folder}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "build.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

if [[ "$(uname -s)" != "Linux" ]]; then
    echo "build.sh: only Linux builds are supported for now" >&2
    exit 2
fi
if ! command -v objdump >/dev/null 2>&1; then
    echo "build.sh: objdump is missing; install binutils (apt-get install binutils)" >&2
    exit 2
fi

mkdir -p "$dist" "$work"
dist="$(cd "$dist" && pwd)"
work="$(cd "$work" && pwd)"
app="$dist/careercoach"
started=$SECONDS

cd "$root"
echo "building $app"
uv run pyinstaller --noconfirm --log-level WARN \
    --distpath "$dist" --workpath "$work" packaging/careercoach.spec

echo "adding the desktop entry and icons"
uv run python packaging/render_icons.py "$app/share"
mkdir -p "$app/share/applications"
cp packaging/linux/careercoach.desktop "$app/share/applications/careercoach.desktop"

size_mb="$(du -sm "$app" | cut -f1)"
echo "built $app/careercoach: ${size_mb} MB in $((SECONDS - started)) s"
