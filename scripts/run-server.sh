#!/bin/sh
# Runs the built server (dist/server.js, written by `npm run build`) with the memory
# settings measured in docs/benchmarks.md. `npm start`, the bench and the start test all
# go through this file, so the server is started the same way everywhere. Arguments go
# to node before the script (e.g. --cpu-prof). `exec`: the server takes this shell's
# place and its process id, and gets the signals itself.
#
# --max-semi-space-size=1: V8's young generation, 1 MB per half instead of 16.
# --heap-growing-percent=20: the old generation may grow 20 % beyond what was live after
#   the last full collection before the next one, instead of up to 4 times (it grew to
#   60 MB while 21 MB were live under 50 active trainees). No CPU cost measured.
# MALLOC_ARENA_MAX=2: glibc otherwise gives threads (libuv's pool running argon2) their
#   own arenas, each keeping its freed memory.
# MALLOC_MMAP_THRESHOLD_=131072: a fixed threshold, so each 19 MiB argon2 block is mapped
#   for its hash and given back right after, instead of staying in an arena.
# glibc.malloc.hugetlb=1: those blocks in 2 MB pages (transparent huge pages, where the
#   kernel offers them), so mapping them afresh costs 10 page faults, not 4,864 (without:
#   about 20 % more CPU per argon2 hash).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.hugetlb=1}"
exec node --max-semi-space-size=1 --heap-growing-percent=20 "$@" "$(dirname "$0")/../dist/server.js"
