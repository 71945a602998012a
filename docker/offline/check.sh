#!/bin/sh
# Proves the offline bundle: builds it (`make bundle`), unpacks it in a temporary folder,
# then installs and starts it inside a fresh network namespace that has no network but its
# own loopback, so any download would fail. Checks that the app answers and stops cleanly.
#   sh docker/offline/check.sh        (root, for the namespace; about two minutes)
set -eu
cd "$(dirname "$0")/../.."
make --no-print-directory bundle
archive="$(ls -t dist/yzyh-offline-*.tar.gz | head -1)"
work="$(mktemp -d /tmp/yzyh-bundle-check.XXXXXX)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
bundle="$(ls -d "$work"/yzyh-offline-*)"
echo "==> installing $archive with no network"
unshare --net sh -eu -c '
  ip link set lo up
  if python3 -c "import urllib.request; urllib.request.urlopen(\"https://pypi.org\", timeout=3)" 2>/dev/null; then
    echo "network still reachable: not a real offline check" >&2; exit 1
  fi
  cd "$1"
  ./install.sh http://127.0.0.1:8765 --no-start
  ./start.sh > start.log 2>&1 &
  for _ in $(seq 1 60); do
    curl -fsS -o /dev/null http://127.0.0.1:8765/healthz 2>/dev/null && break
    sleep 1
  done
  curl -fsS http://127.0.0.1:8765/readyz
  echo
  curl -fsS http://127.0.0.1:8765/ | grep -q "<div id=\"app\"" && echo "phone app: served"
  curl -fsS -o /dev/null -w "static: %{http_code}\n" http://127.0.0.1:8765/static/admin/css/base.css
  kill -TERM $!
  wait $! || true
  if grep -E "Traceback|Segmentation fault" start.log; then exit 1; fi
  echo "stopped cleanly"
' sh "$bundle"
echo "离线安装包检查通过：$archive"
