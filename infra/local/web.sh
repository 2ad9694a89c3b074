# shellcheck shell=bash
# Sourced by prepare.sh: the browser for the UI tests (Debian's Chromium, never a download by
# playwright) and the built console that the API serves at /console/.

# Chromium and fonts with Vietnamese glyphs, installed from Debian's packages when running as
# root; otherwise says what to install. Exports HOTLINE_CHROMIUM for the browser tests.
hotline_ensure_browser() {
  local bin="${HOTLINE_CHROMIUM:-/usr/bin/chromium}"
  if [ ! -x "$bin" ]; then
    _hotline_apt_install chromium || true
  fi
  if [ ! -d /usr/share/fonts/truetype/noto ]; then
    _hotline_apt_install fonts-noto-core || true
  fi
  if [ ! -x "$bin" ]; then
    hotline_log "Chromium is missing, the browser tests will fail: sudo apt-get install -y chromium fonts-noto-core"
    return 0
  fi
  export HOTLINE_CHROMIUM="$bin"
}

# Builds the console when its sources are newer than the build (or there is none): a few
# seconds with Vite, and `npm start` / the browser tests always serve the current code.
hotline_build_web() {
  local web="$hotline_root/services/web"
  local stamp="$web/dist/console/index.html"
  if [ -f "$stamp" ] && [ -z "$(find "$web/console" "$web/package.json" -newer "$stamp" -type f -print -quit)" ]; then
    return 0
  fi
  hotline_log "building the web console (services/web)"
  (cd "$hotline_root" && pnpm --filter @hotline/web build >&2)
}
