#!/usr/bin/env bash
# Renders assets/icon/tandem.svg to the PNG sizes a desktop wants (run after changing the SVG;
# the PNGs are committed so that a build needs no SVG renderer). Needs ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 16 24 32 48 64 128 256 512; do
    convert -background none -density $((size * 3 / 4 + 96)) assets/icon/tandem.svg \
        -resize "${size}x${size}" -depth 8 -strip "PNG32:assets/icon/tandem-${size}.png"
done
ls -l assets/icon
