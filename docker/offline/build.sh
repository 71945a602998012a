#!/bin/sh
# Builds the offline bundle (`make bundle`): one tar.gz with this platform's wheels of every
# locked package, the app with its built frontend, the lock file and the install script.
#   sh docker/offline/build.sh PYTHON    (the project's .venv/bin/python; Python 3.11)
# Wheels are downloaded and checked against requirements/app.lock's hashes; packages that
# PyPI only has as source (jieba) are built into wheels here. The bundle then carries its
# own lock of exactly these wheel files, so the install checks every one of them.
set -eu
cd "$(dirname "$0")/../.."
python="${1:-python3}"
[ -f frontend/dist/index.html ] || { echo "前端未构建：请先运行 make install" >&2; exit 1; }

version="$(git describe --tags --always --dirty 2>/dev/null || echo dev)"
platform="$("$python" -c 'import sys, sysconfig; print(f"py{sys.version_info[0]}{sys.version_info[1]}-{sysconfig.get_platform()}")')"
name="yzyh-offline-$version-$platform"
stage="dist/$name"
rm -rf "$stage" "dist/$name.tar.gz"
mkdir -p "$stage/wheels" "$stage/app/docker" "$stage/app/frontend"

echo "==> wheels for $platform"
"$python" -m pip wheel --quiet --require-hashes --wheel-dir "$stage/wheels" -r requirements/app.lock
"$python" - "$stage/wheels" requirements/app.lock > "$stage/wheels/bundle.lock" <<'PY'
"""Pin each locked package to the wheel file in the bundle, with that file's hash."""
import hashlib, re, sys
from pathlib import Path

wheels, lock = Path(sys.argv[1]), Path(sys.argv[2]).read_text()
pins = dict(re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+) \\$", lock, re.MULTILINE))
def norm(name): return re.sub(r"[-_.]+", "-", name).lower()
found = {}
for wheel in sorted(wheels.glob("*.whl")):
    name, version = wheel.name.split("-")[:2]
    found[norm(name)] = (version, hashlib.sha256(wheel.read_bytes()).hexdigest())
print("# The wheels in this folder, each with its own hash (made by docker/offline/build.sh).")
for name, version in sorted(pins.items(), key=lambda item: norm(item[0])):
    have, digest = found.pop(norm(name), (None, None))
    if have is None:
        sys.exit(f"缺少 {name} 的 wheel")
    print(f"{name}=={version} --hash=sha256:{digest}")
if found:
    sys.exit(f"多余的 wheel：{', '.join(found)}")
PY

echo "==> the app"
git ls-files -z manage.py backend question_bank | tar -cf - --null -T - | tar -xf - -C "$stage/app"
cp docker/entrypoint.sh "$stage/app/docker/"
cp -R frontend/dist "$stage/app/frontend/dist"
cp requirements/app.lock "$stage/requirements.lock"
cp docker/offline/install.sh docker/offline/start.sh docker/offline/README.txt "$stage/"
chmod +x "$stage/install.sh" "$stage/start.sh"

tar -czf "dist/$name.tar.gz" -C dist "$name"
rm -rf "$stage"
size="$(du -h "dist/$name.tar.gz" | cut -f1)"
echo "离线安装包：dist/$name.tar.gz（$size）"
