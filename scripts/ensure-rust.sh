#!/usr/bin/env bash
# Checks for a Rust toolchain new enough to build Panelmark (cargo, rustfmt, clippy).
set -euo pipefail
if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo not found. Install Rust (rustup, stable >= 1.80) and run this again." >&2
  exit 1
fi
for tool in rustfmt cargo-clippy; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if command -v rustup >/dev/null 2>&1; then
      rustup component add rustfmt clippy
    else
      echo "error: $tool not found; install the rustfmt and clippy components." >&2
      exit 1
    fi
  fi
done
