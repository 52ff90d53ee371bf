#!/usr/bin/env bash
# Builds the Debian package, installs it on this machine, checks it as a desktop would see it,
# removes it and checks that nothing is left. Run as root (or with sudo) on Debian or Ubuntu:
#     bash packaging/check-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }

echo "== tools the checks use"
need=()
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need+=(appstream)
command -v xdg-mime >/dev/null || need+=(xdg-utils)
command -v update-mime-database >/dev/null || need+=(shared-mime-info)
command -v man >/dev/null || need+=(man-db)
if [ ${#need[@]} -gt 0 ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== build"
bash packaging/build-deb.sh
deb=$(ls -t target/debian/tandem_*.deb | head -1)
echo "built $deb ($(du -h "$deb" | cut -f1))"

echo "== the files, validated before installing"
desktop-file-validate packaging/linux/tandem.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net packaging/linux/tandem.metainfo.xml || fail "appstreamcli validate"

echo "== install"
as_root dpkg -i "$deb" || { as_root apt-get install -f -y -qq; as_root dpkg -i "$deb"; }
files=$(dpkg -L tandem | sort)

echo "== checks"
[ "$(command -v tandem)" = /usr/bin/tandem ] || fail "tandem is not on PATH from /usr/bin"
tandem --version | grep -q "^tandem [0-9]" || fail "tandem --version"
tandem --help | grep -q "Examples:" || fail "tandem --help has no examples"
desktop-file-validate /usr/share/applications/tandem.desktop || fail "installed desktop file"
grep -q '^Exec=tandem %F$' /usr/share/applications/tandem.desktop || fail "the desktop entry must pass the files (%F)"
appstreamcli validate --no-net /usr/share/metainfo/io.github.tandem_app.Tandem.metainfo.xml || fail "installed metainfo"
# The package's trigger updates the MIME database; run it by hand where no trigger ran.
as_root update-mime-database /usr/share/mime >/dev/null 2>&1 || true
probe=$(mktemp -d)/work.tandem
echo '{"version": 1}' > "$probe"
type=$(xdg-mime query filetype "$probe" 2>/dev/null || true)
[ "$type" = application/x-tandem ] || fail "xdg-mime says '$type' for a .tandem file"
rm -rf "$(dirname "$probe")"
for page in tandem tandem-align tandem-check tandem-export; do
    man -l /usr/share/man/man1/$page.1.gz 2>/dev/null | grep -q "$page" || fail "the man page $page does not render"
done
man -l /usr/share/man/man1/tandem-export.1.gz 2>/dev/null | grep -q -- "--allow-outside" || fail "tandem-export(1) lacks its options"
[ -s /usr/share/bash-completion/completions/tandem ] || fail "bash completions"
[ -s /usr/share/zsh/vendor-completions/_tandem ] || fail "zsh completions"
[ -s /usr/share/fish/vendor_completions.d/tandem.fish ] || fail "fish completions"
bash -c 'source /usr/share/bash-completion/completions/tandem && complete -p tandem' >/dev/null || fail "bash completions load"
for size in 16x16 32x32 48x48 256x256 scalable; do
    ls /usr/share/icons/hicolor/$size/apps/tandem.* >/dev/null || fail "icon $size"
done

echo "== remove"
as_root dpkg --purge tandem
left=""
while read -r f; do
    # Folders shared with other packages stay; files of ours must be gone.
    if [ -n "$f" ] && [ -e "$f" ] && [ ! -d "$f" ]; then left="$left $f"; fi
done <<< "$files"
[ -z "$left" ] || fail "left behind after removal:$left"
command -v tandem >/dev/null && [ "$(command -v tandem)" = /usr/bin/tandem ] && fail "/usr/bin/tandem still there"
echo "check-deb: all checks passed ($deb)"
