# build_bench_tools DIR TARGET...: installs what is missing, configures a Release build with the
# benchmark tools in DIR (tests off unless DIR is already configured) and builds the targets.
# Source from the repository root after scripts/common.sh, with `bench_work` set (the log
# goes to $bench_work/build.log; its tail is shown when the build fails).
build_bench_tools() {
  local build=$1
  shift
  install_packages "${RXTRACK_BUILD_PACKAGES[@]}" "${RXTRACK_BENCH_PACKAGES[@]}"
  local configure=(-DCMAKE_BUILD_TYPE=Release -DRXTRACK_BUILD_BENCH=ON)
  [ -f "$build/CMakeCache.txt" ] || configure+=(-DRXTRACK_BUILD_TESTS=OFF)
  log "building Release with the benchmark tools in $build"
  if ! { cmake -S . -B "$build" -G Ninja "${configure[@]}" &&
    cmake --build "$build" -j "$(nproc)" --target "$@"; } >"$bench_work/build.log" 2>&1; then
    tail -n 40 "$bench_work/build.log" >&2
    return 1
  fi
}
