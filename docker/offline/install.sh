#!/bin/sh
# 离线安装应知应会：在只有 Python 3.11、不能访问互联网的服务器上安装并启动。
#   ./install.sh http://服务器地址:8000        安装后立即启动（前台运行，Ctrl-C 停止）
#   ./install.sh http://服务器地址:8000 --no-start   只安装
# Everything comes from this folder: the wheels are checked against wheels/bundle.lock,
# nothing is fetched. Settings go to yzyh.env beside this script (see README.txt).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
site_url="${1:-}"
start=1
[ "${2:-}" = "--no-start" ] && start=0
[ -n "$site_url" ] || { echo "用法：./install.sh http://服务器地址或域名:端口 [--no-start]" >&2; exit 2; }

python="${PYTHON:-}"
if [ -z "$python" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python="$candidate"; break; fi
  done
fi
[ -n "$python" ] || { echo "未找到 Python 3.11（可用 PYTHON=/路径/python3.11 指定）" >&2; exit 1; }
"$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
  || { echo "需要 Python 3.11，当前为 $("$python" --version 2>&1)" >&2; exit 1; }

echo "==> 安装 Python 依赖（离线）"
"$python" -m venv "$here/venv"
"$here/venv/bin/python" -m pip install --quiet --no-index --find-links "$here/wheels" \
  --require-hashes -r "$here/wheels/bundle.lock"

if [ ! -f "$here/yzyh.env" ]; then
  umask 077
  cat > "$here/yzyh.env" <<ENV
# 应知应会的设置（README.txt 列出全部可选项）。SECRET_KEY 请妥善保管。
SITE_URL=$site_url
SECRET_KEY=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
ENV
  echo "已写入 $here/yzyh.env"
fi

echo "==> 初始化数据库"
"$here/start.sh" --migrate-only
echo "安装完成。创建管理员：$here/start.sh manage createsuperuser"
if [ "$start" = 1 ]; then
  exec "$here/start.sh"
fi
