#!/usr/bin/env bash
# Builds the Debian package: target/debian/tandem_VERSION_ARCH.deb.
# Needs cargo-deb (installed here from crates.io when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-deb >/dev/null || cargo install --locked cargo-deb
cargo build --release --locked

# The man page and the completions, written by the binary from its own argument definitions.
out=target/packaging
mkdir -p "$out"
target/release/tandem --generate man | gzip -9n > "$out/tandem.1.gz"
for sub in align check export; do
    target/release/tandem --generate "man-$sub" | gzip -9n > "$out/tandem-$sub.1.gz"
done
target/release/tandem --generate bash > "$out/tandem.bash"
target/release/tandem --generate zsh > "$out/_tandem"
target/release/tandem --generate fish > "$out/tandem.fish"

cargo deb --no-build --locked "$@"
