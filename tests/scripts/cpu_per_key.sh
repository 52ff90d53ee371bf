#!/usr/bin/env bash
# CPU time per navigation key in a real window under Xvfb with Mesa's software renderer, as on a
# meeting-room PC without a GPU: starts Tandem on a pair (the built-in sample when none is given),
# sends 20 keys (PageDown by default) a third of a second apart, and reads the process's CPU time
# (utime + stime from /proc) before and after; then 3 s of idling.
#   tests/scripts/cpu_per_key.sh [LEFT RIGHT]      KEY=Right tests/scripts/cpu_per_key.sh
#   TANDEM_RENDERER=wgpu tests/scripts/cpu_per_key.sh   (Vulkan's lavapipe instead of OpenGL)
# Needs: Xvfb, xdotool and openbox (apt-get install xvfb xdotool openbox: keys reach a focused
# window only under a window manager), a release build (cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${TANDEM_BIN:-target/release/tandem}
KEY=${KEY:-Next}
SCREEN=:${SCREEN_NUMBER:-97}
[ -x "$BIN" ] || { echo "no $BIN: run cargo build --release first" >&2; exit 2; }
Xvfb "$SCREEN" -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
APP=""; WM=""
trap 'kill $APP $WM "$XVFB" 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$SCREEN openbox >/dev/null 2>&1 &
WM=$!
sleep 0.5
STORE=$(mktemp -d)
DISPLAY=$SCREEN XDG_RUNTIME_DIR=$STORE XDG_DATA_HOME=$STORE "$BIN" "$@" >/dev/null 2>&1 &
APP=$!
for _ in $(seq 50); do
    WID=$(DISPLAY=$SCREEN xdotool search --onlyvisible --pid "$APP" 2>/dev/null | head -1 || true)
    [ -n "$WID" ] && break
    sleep 0.2
done
[ -n "${WID:-}" ] || { echo "the window did not appear" >&2; exit 1; }
DISPLAY=$SCREEN xdotool windowactivate --sync "$WID" 2>/dev/null || DISPLAY=$SCREEN xdotool windowfocus "$WID"
# The pointer rests where a presenter's would, off the text (MOUSE=x,y to put it elsewhere).
IFS=, read -r MX MY <<<"${MOUSE:-1395,895}"
DISPLAY=$SCREEN xdotool mousemove "$MX" "$MY"
# Long pairs take a few seconds to read and align: SETTLE=8 waits for them.
sleep "${SETTLE:-2}"
ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
HZ=$(getconf CLK_TCK)
before=$(ticks)
start=$(date +%s.%N)
for _ in $(seq 20); do
    DISPLAY=$SCREEN xdotool key "$KEY"
    sleep 0.33
done
sleep 1
after=$(ticks)
idle_before=$(ticks)
sleep 3
idle_after=$(ticks)
awk -v b="$before" -v a="$after" -v hz="$HZ" -v ib="$idle_before" -v ia="$idle_after" 'BEGIN {
    printf "CPU per key: %.3f s (20 keys, %.2f s in all)\n", (a - b) / hz / 20, (a - b) / hz
    printf "CPU while idle: %.3f s over 3 s\n", (ia - ib) / hz
}'
