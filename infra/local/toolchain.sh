# shellcheck shell=bash
# Sourced (not executed) by the other scripts: puts Node 24 LTS and the pinned pnpm on PATH.
#
# The machine may only have an older Node and npm. Node's own binary is published on the npm
# registry as `node-linux-<arch>`, so we fetch it with the machine's npm (the only network we
# may assume) into a per-user cache, and likewise pnpm's self-contained package. Nothing else
# is downloaded; corepack is not used because Node 25+ no longer ships it.

hotline_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
hotline_cache="${HOTLINE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hotline}"
hotline_node_version="$(tr -d ' \n' <"$hotline_root/.node-version")"
hotline_pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"+]*\).*/\1/p' "$hotline_root/package.json")"

hotline_log() { printf '\033[36m[setup]\033[0m %s\n' "$*" >&2; }

# Fetches an npm package's tarball with the machine's npm and unpacks it into $2.
hotline_fetch_npm_package() {
  local spec="$1" dest="$2" tmp
  command -v npm >/dev/null 2>&1 || {
    echo "npm is needed to fetch $spec; install Node.js and npm first" >&2
    return 1
  }
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null 2>"$tmp/err") || {
    cat "$tmp/err" >&2
    rm -rf "$tmp"
    return 1
  }
  mkdir -p "$tmp/x" && tar xzf "$tmp"/*.tgz -C "$tmp/x"
  mkdir -p "$(dirname "$dest")"
  rm -rf "$dest" && mv "$tmp/x/package" "$dest"
  rm -rf "$tmp"
}

hotline_ensure_node() {
  local want_major="${hotline_node_version%%.*}" have=""
  have="$(node -p 'process.versions.node' 2>/dev/null || true)"
  if [ "${have%%.*}" = "$want_major" ]; then
    return 0
  fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *)
      echo "No Node $want_major package for $(uname -m); install Node $want_major yourself" >&2
      return 1
      ;;
  esac
  local dir="$hotline_cache/node-$hotline_node_version-$arch"
  if [ ! -x "$dir/bin/node" ]; then
    hotline_log "Node ${have:-none} found; fetching Node $hotline_node_version from the npm registry into $dir"
    hotline_fetch_npm_package "node-linux-$arch@$hotline_node_version" "$dir" || return 1
  fi
  export PATH="$dir/bin:$PATH"
}

hotline_ensure_pnpm() {
  if [ "$(pnpm --version 2>/dev/null || true)" = "$hotline_pnpm_version" ]; then
    return 0
  fi
  local dir="$hotline_cache/pnpm-$hotline_pnpm_version"
  if [ ! -f "$dir/bin/pnpm.cjs" ]; then
    hotline_log "fetching pnpm $hotline_pnpm_version into $dir"
    hotline_fetch_npm_package "pnpm@$hotline_pnpm_version" "$dir" || return 1
  fi
  mkdir -p "$hotline_cache/bin"
  printf '#!/bin/sh\nexec node "%s/bin/pnpm.cjs" "$@"\n' "$dir" >"$hotline_cache/bin/pnpm"
  chmod +x "$hotline_cache/bin/pnpm"
  export PATH="$hotline_cache/bin:$PATH"
}

# Installs dependencies exactly as the lockfile says; quick when nothing changed.
hotline_install_deps() {
  (cd "$hotline_root" && pnpm install --frozen-lockfile --prefer-offline --reporter=append-only >&2) || {
    echo "pnpm install --frozen-lockfile failed (see above)" >&2
    return 1
  }
}

hotline_ensure_toolchain() {
  hotline_ensure_node && hotline_ensure_pnpm
}
