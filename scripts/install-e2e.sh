#!/usr/bin/env bash
# Installs what the real-editor tests (test/e2e/) need, and nothing into the extension's own dependencies:
#   - Debian packages: chromium (driven by playwright-core), neovim (second LSP client), ripgrep and the build
#     packages code-server's native modules need. Only the missing ones are installed.
#   - code-server 4.100.3 (the real VS Code, served to a browser) into .cache/code-server/, skipped when that
#     version is already there.
# Fails loudly (non-zero) if anything cannot be installed. Safe to run again: it does nothing when all is present.
# Usage: scripts/install-e2e.sh [--apt-only|--code-server-only]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

CODE_SERVER_VERSION=4.100.3
CACHE="$ROOT/.cache/code-server"
APT_PACKAGES=(chromium neovim ripgrep libkrb5-dev build-essential pkg-config python3 libx11-dev libxkbfile-dev libsecret-1-dev)
# @vscode/ripgrep (a code-server dependency) downloads rg from GitHub in its postinstall unless this tarball is in
# its cache folder under $TMPDIR; we build it from Debian's rg.
RG_CACHE_DIR=vscode-ripgrep-cache-1.15.11
RG_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

want_apt=1 want_cs=1
case "${1:-}" in
  --apt-only) want_cs=0 ;;
  --code-server-only) want_apt=0 ;;
  "") ;;
  *) echo "usage: $0 [--apt-only|--code-server-only]" >&2; exit 2 ;;
esac

log() { echo "== install-e2e: $*"; }

install_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then log "apt packages present"; return; fi
  log "apt-get install ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-e2e: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "apt done"
}

installed_cs_version() {
  node -p "require('$CACHE/node_modules/code-server/package.json').version" 2>/dev/null || true
}

install_code_server() {
  if [ "$(installed_cs_version)" = "$CODE_SERVER_VERSION" ] && [ -x "$CACHE/node_modules/.bin/code-server" ]; then
    log "code-server $CODE_SERVER_VERSION present in .cache/code-server"
    return
  fi
  command -v rg >/dev/null || { echo "install-e2e: ripgrep (rg) is needed before code-server: run without --code-server-only" >&2; exit 1; }
  log "installing code-server@$CODE_SERVER_VERSION into .cache/code-server (~100 s)"
  rm -rf "$CACHE"
  mkdir -p "$CACHE"
  local tmp
  tmp=$(mktemp -d "$ROOT/.cache/install-tmp.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" RETURN
  mkdir -p "$tmp/$RG_CACHE_DIR" "$tmp/rg"
  cp "$(command -v rg)" "$tmp/rg/rg"
  tar -czf "$tmp/$RG_CACHE_DIR/$RG_TARBALL" -C "$tmp/rg" rg
  echo '{"name":"code-server-cache","private":true}' > "$CACHE/package.json"
  # Snags: root needs unsafe-perm; node-pty's postinstall runs `npx node-gyp`, which a `yes=false` npmrc blocks.
  if ! (cd "$CACHE" && TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false \
        npm install --no-audit --no-fund --no-package-lock --loglevel=error "code-server@$CODE_SERVER_VERSION" \
        > "$tmp/npm.log" 2>&1); then
    tail -n 60 "$tmp/npm.log" >&2
    echo "install-e2e: code-server install FAILED" >&2
    rm -rf "$CACHE"
    exit 1
  fi
  [ "$(installed_cs_version)" = "$CODE_SERVER_VERSION" ] || { echo "install-e2e: code-server not where expected" >&2; exit 1; }
  # --version writes a default config into $XDG_CONFIG_HOME: keep it in the temp folder.
  HOME="$tmp" XDG_CONFIG_HOME="$tmp" XDG_DATA_HOME="$tmp" "$CACHE/node_modules/.bin/code-server" --version | head -1
  log "code-server installed"
}

[ $want_apt -eq 1 ] && install_apt
[ $want_cs -eq 1 ] && install_code_server
exit 0
