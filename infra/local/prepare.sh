# shellcheck shell=bash
# Sourced by start.sh, test.sh and .ci/run: Node 24 and pnpm on PATH, dependencies from the
# lockfile, PostgreSQL and Redis answering with DATABASE_URL and REDIS_URL exported.
prepare_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra/local/toolchain.sh
source "$prepare_dir/toolchain.sh"
# shellcheck source=infra/local/services.sh
source "$prepare_dir/services.sh"
# shellcheck source=infra/local/web.sh
source "$prepare_dir/web.sh"

hotline_prepare() {
  hotline_ensure_toolchain && hotline_install_deps && hotline_ensure_services
}

# The same, plus what the browser UI needs: its build, and Chromium for the browser tests.
hotline_prepare_web() {
  hotline_prepare && hotline_build_web && hotline_ensure_browser
}
