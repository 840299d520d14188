#!/usr/bin/env bash
# Regenerates screenshots/*.png from real runs of ocwizard in tmux (called by `make screenshots`).
#
# Drives `ocwizard --sandbox` through every step at 100×30 on a private tmux socket, captures
# each screen with `capture-pane -p -e -N` and renders it with scripts/render_screenshot.py
# (pyte + Pillow, from a virtual environment in .venv-screenshots). A second run against a
# sandbox of its own (25 generated instances) shows the inline error for wrong secrets, a third
# the too-small notice, a fourth `ocwizard recover`: the table, a filter, the detail and the
# delete confirmation, and a fifth the webhook checks: `events listen` and `events send-test`.
# Needs: tmux, curl, python3 with venv, fonts-dejavu-core, fonts-wqy-microhei (the Makefile
# installs them), and a built .build/debug/ocwizard.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$ROOT/.build/debug
OUT=$ROOT/screenshots
VENV=$ROOT/.venv-screenshots
COLS=${COLS:-100}
ROWS=${ROWS:-30}
TIMEOUT=${TIMEOUT:-20}

die() { echo "screenshots: $*" >&2; exit 1; }

[ -x "$BIN/ocwizard" ] && [ -x "$BIN/ocwizard-sandbox" ] || die "build first: make build (no $BIN/ocwizard)"
for tool in tmux curl python3; do command -v "$tool" >/dev/null || die "$tool is not installed"; done

# pyte and Pillow from PyPI, in a virtual environment that .gitignore covers.
if ! "$VENV/bin/python" -c 'import pyte, PIL' 2>/dev/null; then
    echo "screenshots: setting up $VENV (pyte, Pillow)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check pyte Pillow
fi

# Nothing from this shell may change what the wizard shows.
unset TMUX TMUX_PANE NO_COLOR ACCESSIBLE BROWSER DISPLAY WAYLAND_DISPLAY XDG_CONFIG_HOME XDG_STATE_HOME LC_ALL LC_CTYPE
export LANG=C.UTF-8   # tmux itself must run in UTF-8 to pass wide characters through
for name in $(compgen -e | grep '^OC_' || true); do unset "$name"; done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ocw-shots.XXXXXX")
mkdir -p "$WORK/home" "$OUT"
SOCKET=ocw-shots-$$
SANDBOX_PID=
SOCKET_PATH=
cleanup() {
    tmux -L "$SOCKET" kill-server 2>/dev/null || true
    [ -z "$SOCKET_PATH" ] || rm -f "$SOCKET_PATH"   # tmux leaves it behind
    if [ -n "$SANDBOX_PID" ]; then kill "$SANDBOX_PID" 2>/dev/null || true; wait "$SANDBOX_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

t() { tmux -L "$SOCKET" -f /dev/null "$@"; }
S=main   # the session being driven

# start NAME COMMAND…: a new session of COLS×ROWS running COMMAND.
start() {
    local name=$1; shift
    t start-server \; set-option -g status off \; set-option -g escape-time 0 \; \
        new-session -d -s "$name" -x "$COLS" -y "$ROWS" -c "$WORK" \
        -e LANG=C.UTF-8 -e TERM=xterm-256color -e HOME="$WORK/home" -- "$@"
    S=$name
    SOCKET_PATH=$(t display-message -p -t "$S" '#{socket_path}')
}

screen() { t capture-pane -p -t "$S"; }
look() { t capture-pane -p -e -N -t "$S"; t display-message -p -t "$S" '#{cursor_x},#{cursor_y},#{cursor_flag}'; }
keys() { t send-keys -t "$S" "$@"; }
type_text() { t send-keys -t "$S" -l -- "$1"; }
paste() { printf '%s' "$1" | t load-buffer -b shot -; t paste-buffer -p -d -b shot -t "$S"; }

# wait_gone TEXT: polls the screen until TEXT is no longer on it.
wait_gone() {
    local deadline=$((SECONDS + TIMEOUT))
    while screen | grep -qF -- "$1"; do
        if [ $SECONDS -ge $deadline ]; then
            echo "screenshots: waited ${TIMEOUT}s for \"$1\" to go; the screen was:" >&2
            screen >&2
            exit 1
        fi
        sleep 0.05
    done
}

# wait_for TEXT: polls the screen until TEXT is on it.
wait_for() {
    local deadline=$((SECONDS + TIMEOUT))
    until screen | grep -qF -- "$1"; do
        if [ $SECONDS -ge $deadline ]; then
            echo "screenshots: waited ${TIMEOUT}s for \"$1\"; the screen was:" >&2
            screen >&2
            exit 1
        fi
        sleep 0.05
    done
}

# press_until KEY TEXT: presses KEY (one at a time, waiting for each to show) until TEXT is on screen.
press_until() {
    local key=$1 text=$2 presses=0 before
    local deadline=$((SECONDS + TIMEOUT))
    while ! screen | grep -qF -- "$text"; do
        [ $presses -lt 10 ] && [ $SECONDS -lt $deadline ] || { wait_for "$text"; return; }
        if screen | grep -qF "Esc cancel"; then sleep 0.05; continue; fi
        before=$(look)
        keys "$key"
        presses=$((presses + 1))
        while [ "$(look)" = "$before" ] && [ $SECONDS -lt $deadline ]; do sleep 0.02; done
        settle   # a capture can catch a frame half drawn: decide on the next press once it is still
    done
}

# settle: waits until two captures 100 ms apart are the same (no redraw pending), for at most 3 s.
settle() {
    local a b deadline=$((SECONDS + 3))
    a=$(look)
    while sleep 0.1; b=$(look); [ "$a" != "$b" ] && [ $SECONDS -lt $deadline ]; do a=$b; done
}

# shot NAME: renders the current screen to screenshots/NAME.png.
shot() {
    local name=$1 size cursor
    [ "${2:-}" = "--now" ] || settle
    t capture-pane -p -e -N -t "$S" > "$WORK/$name.ans"
    size=$(t display-message -p -t "$S" '#{pane_width}x#{pane_height}')
    cursor=$(t display-message -p -t "$S" '#{cursor_x},#{cursor_y},#{cursor_flag}')
    "$VENV/bin/python" "$ROOT/scripts/render_screenshot.py" --size "$size" --cursor "$cursor" "$WORK/$name.ans" "$OUT/$name.png"
    echo "  screenshots/$name.png"
}

# The sign-in URL on the Authorize step: the first row that starts with http:// and the rows
# after it up to a blank one (the wizard wraps it at the screen's edge).
sign_in_url() {
    screen | awk 'url == "" && $1 ~ /^https?:\/\// { on = 1 }
                  on && NF == 0 { exit }
                  on { gsub(/^ +| +$/, ""); url = url $0 }
                  END { print url }'
}

# Where the browser would land after signing in at URL: the 302's Location.
sign_in() { curl -s -o /dev/null -w '%{redirect_url}' "$1"; }

rm -f "$OUT"/*.png

echo "screenshots: the happy path with a used code and a retry, against ocwizard --sandbox (${COLS}×${ROWS})"
start main "$BIN/ocwizard" --sandbox

wait_for "Step 1 of 9 · Connection"
shot 01-connection

press_until Enter "Step 2 of 9 · Azure app"
# Every value is pre-filled, so the step starts on [ Next ]: Tab wraps to the client id, then the secret.
keys Tab Tab
wait_for "Azure client secret (oauth.api.secret)"
shot 02-azure-app
keys F1
wait_for "Esc close help"
shot 13-help
keys Escape
press_until Enter "Step 3 of 9 · Authorize"

wait_for "[ Copy URL ]"
shot 03-authorize

# Sign in "in a browser" (curl), and spend the code on another instance first, so that the
# wizard's submit fails with the used-code error and the retry can be shown.
URL=$(sign_in_url)
BASE=${URL%%/sandbox/authorize*}
REDIRECT=$(sign_in "$URL")
CODE=$(printf '%s' "$REDIRECT" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
[ -n "$CODE" ] || die "no code in the redirect: $REDIRECT"
curl -s -o /dev/null -X POST "$BASE/elements/api-v2/instances" \
    -H 'Authorization: User sandbox-user, Organization sandbox-org' -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d "{\"element\":{\"key\":\"microsoftgraph\"},\"name\":\"spends-the-code\",\"providerData\":{\"code\":\"$CODE\"},\"configuration\":{\"oauth.api.key\":\"5a4db0c5-c11e-4d1d-a000-000000000001\",\"oauth.api.secret\":\"sandbox-client-secret\",\"oauth.callback.url\":\"http://localhost:8765/callback\"}}"

keys PageDown
wait_for "Step 4 of 9 · Grant code"
paste "$REDIRECT"
wait_for "state matches"
shot 04-grant-code

keys Enter
wait_for "Step 5 of 9 · Events"
keys Space
wait_for "Events callback URL"
keys Tab
type_text "https://hooks.example.com/ocwizard/events"
keys Tab Tab
wait_for "Enter generate key"
keys Enter
wait_for "Elements-Webhook-Signature"
shot 06-signature-key
keys Enter
wait_for "[ Generate key ]"
keys BTab
shot 05-events

keys PageDown
wait_for "Step 6 of 9 · Instance"
type_text "graph-calendar-alice"
keys Tab
type_text "team-a, 日本"
wait_for "日本"
shot 07-instance

keys Enter
wait_for "Step 7 of 9 · Review"
shot 08-review
# Further down: the JSON body and the equivalent curl command.
press_until NPage "curl "
shot 09-review-request

# Hold the create request for a moment so that the Submitting step can be seen.
curl -s -o /dev/null -X POST "$BASE/sandbox/faults" -H 'Content-Type: application/json' \
    -d '{"path": "/elements/api-v2/instances", "method": "POST", "delayMs": 2500}'
keys Enter
wait_for "Step 8 of 9"
sleep 0.6
shot 10-submitting --now

wait_for "[ Back to Authorize ]"
shot 11-failure-used-code

keys Enter
wait_for "[ Simulate sign-in ]"
press_until Tab "Enter simulate sign-in"
keys Enter
wait_for "state matches"
keys PageDown
wait_for "Step 5 of 9 · Events"
keys PageDown
wait_for "Step 6 of 9 · Instance"
keys PageDown
wait_for "Step 7 of 9 · Review"
keys Enter
wait_for "✓ Instance created"
shot 12-result
keys C-r
wait_for "Ctrl-R hide token"
keys C-r
wait_for "Ctrl-R reveal token"
keys C-c
t kill-session -t main 2>/dev/null || true

echo "screenshots: wrong secrets, against a sandbox of its own (25 generated instances, for recover below)"
"$BIN/ocwizard-sandbox" --port 0 --seed 25 > "$WORK/sandbox.out" 2>&1 < /dev/null &
SANDBOX_PID=$!
deadline=$((SECONDS + TIMEOUT))
until grep -q '^listening on ' "$WORK/sandbox.out"; do
    [ $SECONDS -lt $deadline ] || die "ocwizard-sandbox did not start: $(cat "$WORK/sandbox.out")"
    sleep 0.05
done
SANDBOX_URL=$(sed -n 's/^listening on //p' "$WORK/sandbox.out" | head -n 1)
start wrong "$BIN/ocwizard" --base-url "$SANDBOX_URL"
wait_for "Step 1 of 9 · Connection"
# The base URL is pre-filled, so the focus starts on the first empty required field: the user secret.
type_text "sandbox-user"
keys Tab
type_text "not-the-org-secret"
keys Enter
wait_for "refused"
shot 14-error-wrong-secrets
t kill-session -t wrong 2>/dev/null || true

echo "screenshots: a terminal that is too small (60×20)"
start small "$BIN/ocwizard" --base-url "$SANDBOX_URL"
wait_for "Step 1 of 9 · Connection"
t resize-window -t small -x 60 -y 20
wait_for "terminal too small"
shot 15-too-small
t kill-session -t small 2>/dev/null || true

echo "screenshots: ocwizard recover, against the same sandbox (25 instances)"
start recover env OC_USER_SECRET=sandbox-user OC_ORG_SECRET=sandbox-org "$BIN/ocwizard" recover --base-url "$SANDBOX_URL"
wait_for "Recover · Connection"
keys Enter   # both secrets are set: the focus starts on [ Next ]
wait_for "All 25 Microsoft Graph instances loaded."
shot 16-recover-instances

type_text "carol"
wait_for "5 of 25 match"
shot 17-recover-filtered

# The second match (tags and events), read again from the service; the token stays masked.
keys Down Enter
wait_for "Recover · Instance 1011"
wait_gone "Reading the instance"
shot 18-recover-detail

press_until Tab "Enter delete"
keys Enter
wait_for "Delete instance"
type_text "graph-calendar-carol-0011"
wait_for "│ graph-calendar-carol-0011"
shot 19-recover-delete
keys Escape   # keep it
wait_gone "Delete instance"
keys C-c
t kill-session -t recover 2>/dev/null || true

echo "screenshots: are my events working? events listen, send-test (a throwaway key)"
EVENTS_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
EVENTS_KEY=screenshot-signature-key-0123
EVENTS_URL="http://127.0.0.1:$EVENTS_PORT/events"
start listen env OC_SIGNATURE_KEY="$EVENTS_KEY" "$BIN/ocwizard" events listen --port "$EVENTS_PORT" --path /events
wait_for "Listening for webhook events"
start sendtest env OC_SIGNATURE_KEY="$EVENTS_KEY" sh -c "'$BIN/ocwizard' events send-test --url '$EVENTS_URL' --instance-id 1011; exec cat"
wait_for "The receiver answered"
shot 21-events-send-test
# A notification signed with another key: the receiver answers 401 and says why.
curl -s -o /dev/null -H 'Content-Type: application/json' -H 'Elements-Webhook-Id: 77' \
    -H 'Elements-Webhook-Signature: sha256=jHdbRx5EZAsOfTwAPJOGkNUzQMVVdu5VJlxcsk+G6jQ=' \
    --data-binary '{"message":{"eventId":"e-forged","instanceId":1011,"events":[{"eventType":"DELETED","objectType":"events","objectId":"AAMkAD-forged"}]}}' \
    "$EVENTS_URL" || true
S=listen
wait_for "401"
shot 20-events-listen
t kill-session -t sendtest 2>/dev/null || true
t kill-session -t listen 2>/dev/null || true

echo "screenshots: $(ls "$OUT"/*.png | wc -l) pictures in screenshots/"
