#!/usr/bin/env bash
# Install the built CareerCoach app for one user, so it appears in the desktop's menu.
#
# Usage: packaging/install.sh [--prefix DIR] [--bundle DIR] [--uninstall]
#   --prefix DIR   where to install (default: ~/.local)
#   --bundle DIR   the app folder built by packaging/build.sh (default: dist/careercoach)
#   --uninstall    remove exactly what an earlier install into the prefix put there
#
# Installs PREFIX/lib/careercoach/ (the app), PREFIX/bin/careercoach (a link to it),
# PREFIX/share/applications/careercoach.desktop and the icons under
# PREFIX/share/icons/hicolor/. Every file and folder it creates is listed in
# PREFIX/lib/careercoach-install.txt, which --uninstall reads. Your data (in
# ~/.local/share/CareerCoach) is never touched by either.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${HOME:?HOME is not set}/.local"
bundle="$root/dist/careercoach"
action=install

usage() { sed -n '4,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
fail() { echo "install.sh: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) prefix="${2:-}"; [[ -n "$prefix" ]] || fail "--prefix needs a folder"; shift 2 ;;
        --bundle) bundle="${2:-}"; [[ -n "$bundle" ]] || fail "--bundle needs a folder"; shift 2 ;;
        --uninstall) action=uninstall; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

prefix="$(realpath -m -- "$prefix")"
app_dir="$prefix/lib/careercoach"
manifest="$prefix/lib/careercoach-install.txt"
launcher="$prefix/bin/careercoach"
desktop_file="$prefix/share/applications/careercoach.desktop"
hicolor="$prefix/share/icons/hicolor"

# Each thing is recorded in the manifest before it is made, so even an install that stops
# half-way can be uninstalled. Folders are recorded only when this script creates them:
# uninstalling never removes a folder that was there before (such as ~/.local/bin).
record() { printf '%s %s\n' "$1" "$2" >>"$manifest"; }

make_dir() {
    local missing=() dir="$1"
    while [[ ! -d "$dir" ]]; do
        missing=("$dir" "${missing[@]}")
        dir="$(dirname "$dir")"
    done
    for dir in "${missing[@]}"; do
        mkdir "$dir" || fail "cannot create $dir"
        if [[ -f "$manifest" ]]; then
            record d "$dir"
        else
            early_dirs+=("$dir")  # recorded as soon as the manifest exists
        fi
    done
}
early_dirs=()

# The desktop entry's Exec key, quoted as the Desktop Entry spec asks: first the quoting
# rule (a backslash before " ` $ and \), then the string rule (every backslash doubled).
desktop_exec() {
    local path="$1"
    path="${path//\\/\\\\}"
    path="${path//\"/\\\"}"
    path="${path//\`/\\\`}"
    path="${path//\$/\\\$}"
    path="${path//\\/\\\\}"
    path="${path//%/%%}"
    printf 'Exec="%s"' "$path"
}

uninstall() {
    if [[ ! -f "$manifest" ]]; then
        echo "install.sh: CareerCoach is not installed in $prefix (no $manifest)" >&2
        return 1
    fi
    local kind path folders=()
    while IFS= read -r line; do
        kind="${line%% *}"
        path="${line#* }"
        case "$kind" in
            f|l) rm -f -- "$path" ;;
            a) rm -rf -- "$path" ;;
            d) folders=("$path" "${folders[@]}") ;;  # deepest first
        esac
    done <"$manifest"
    rm -f -- "$manifest"
    for path in "${folders[@]}"; do
        rmdir -- "$path" 2>/dev/null || echo "kept $path: it holds files CareerCoach did not put there"
    done
    echo "removed CareerCoach from $prefix"
}

install() {
    [[ -x "$bundle/careercoach" ]] \
        || fail "no built app at $bundle/careercoach; build it first with packaging/build.sh"
    [[ -f "$bundle/share/applications/careercoach.desktop" ]] \
        || fail "$bundle has no desktop entry; rebuild it with packaging/build.sh"
    bundle="$(cd "$bundle" && pwd)"
    if [[ -f "$manifest" ]]; then
        echo "replacing the CareerCoach installed in $prefix"
        uninstall >/dev/null
    fi
    for path in "$app_dir" "$launcher" "$desktop_file"; do
        [[ ! -e "$path" && ! -L "$path" ]] \
            || fail "$path already exists and was not installed by this script; move it away first"
    done

    make_dir "$prefix/lib"
    : >"$manifest"
    for path in "${early_dirs[@]}"; do
        record d "$path"
    done
    record a "$app_dir"
    cp -a "$bundle" "$app_dir"

    make_dir "$prefix/bin"
    record l "$launcher"
    ln -s "$app_dir/careercoach" "$launcher"

    make_dir "$(dirname "$desktop_file")"
    record f "$desktop_file"
    # The menu starts the installed copy by its full path: ~/.local/bin is often not on
    # the PATH of a desktop session.
    local line exec_line
    exec_line="$(desktop_exec "$app_dir/careercoach")"
    while IFS= read -r line; do
        if [[ "$line" == Exec=* ]]; then
            printf '%s\n' "$exec_line"
        else
            printf '%s\n' "$line"
        fi
    done <"$bundle/share/applications/careercoach.desktop" >"$desktop_file"

    local icon relative
    while IFS= read -r icon; do
        relative="${icon#"$bundle/share/icons/hicolor/"}"
        make_dir "$(dirname "$hicolor/$relative")"
        record f "$hicolor/$relative"
        cp "$icon" "$hicolor/$relative"
    done < <(find "$bundle/share/icons/hicolor" -type f | sort)

    echo "installed CareerCoach in $prefix"
    echo "  app:      $app_dir"
    echo "  command:  $launcher"
    echo "  menu:     $desktop_file"
}

"$action"
