#!/usr/bin/env bash
# Packaging check, as a deployer would: build the wheel, install it into a fresh virtualenv
# with the pinned versions (constraints.txt), and from an empty folder (no checkout, no
# .env, no FAQ_PATH) ask a question, check the bundled knowledge base, copy it with init-kb
# and answer from the copy. Run by .ci/run after `make test`; runs alone too.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/selank-package.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { echo "package-check: $*" >&2; }

step "building the wheel"
"$PYTHON" -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" . >&2
wheel=$(ls "$work"/dist/selank_bot-*.whl)
"$PYTHON" -c 'import sys, zipfile; names = zipfile.ZipFile(sys.argv[1]).namelist()
assert {"bot/content/data/faq.yaml", "bot/content/data/synonyms.yaml",
         "bot/core/safety/crisis_lexicon.yaml", "bot/core/safety/triage_model.npz"} <= set(names), "no knowledge base"' "$wheel"

step "installing $(basename "$wheel") into a fresh virtualenv"
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check -c constraints.txt "$wheel" >&2

mkdir "$work/empty"
cd "$work/empty"
# Nothing from the developer's shell may point the installed bot at the checkout.
unset FAQ_PATH DATABASE_URL DATA_DIR SLACK_BOT_TOKEN DISCORD_TOKEN PYTHONPATH
bin="$work/venv/bin/selank-bot"

step "asking from an empty folder"
answer=$("$bin" ask "what is selank?")
echo "$answer" | head -n 3
case "$answer" in "What is Selank?"*) ;; *) step "unexpected answer"; exit 1 ;; esac
"$bin" ask --json "is it addictive?" | "$PYTHON" -c \
    'import json, sys; r = json.load(sys.stdin); assert r["status"] == "answer", r; print(r["entry_id"])'
"$bin" check

step "init-kb, then answering from the copy"
"$bin" init-kb ./kb
sed -i 's/^  For information only:/  Edited copy. For information only:/' kb/faq.yaml
reply=$(FAQ_PATH="$PWD/kb/faq.yaml" "$bin" ask "hi")
case "$reply" in *"Edited copy"*) ;; *) step "FAQ_PATH did not select the copy"; exit 1 ;; esac
[ -z "$(ls -A . | grep -v '^kb$')" ] || { step "commands left files behind: $(ls -A)"; exit 1; }

step "run with no token and no terminal: idle, and the image's health probe passes"
port=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
HEALTH_PORT=$port HEALTH_HOST=127.0.0.1 "$bin" run </dev/null 2>"$work/run.log" &
pid=$!
for _ in $(seq 1 40); do
    HEALTH_PORT=$port PORT= "$work/venv/bin/python" -m bot.ops.healthprobe && break
    sleep 0.5
done >"$work/probe.log" || true
tail -n 1 "$work/probe.log"
kill -TERM "$pid"
wait "$pid" || { step "run exited with $? on SIGTERM"; cat "$work/run.log" >&2; exit 1; }
grep -q '^healthy: ' "$work/probe.log" || { cat "$work/run.log" >&2; exit 1; }
grep 'idle' "$work/run.log" >&2
step "OK"
