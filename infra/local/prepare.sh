# shellcheck shell=bash
# Sourced by start.sh, test.sh and .ci/run: Node 24 and pnpm on PATH, dependencies from the
# lockfile, PostgreSQL and Redis answering with DATABASE_URL and REDIS_URL exported.
prepare_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=infra/local/toolchain.sh
source "$prepare_dir/toolchain.sh"
# shellcheck source=infra/local/services.sh
source "$prepare_dir/services.sh"

hotline_prepare() {
  hotline_ensure_toolchain && hotline_install_deps && hotline_ensure_services
}
