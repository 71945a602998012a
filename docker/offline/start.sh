#!/bin/sh
# 启动应知应会（离线安装包）：迁移数据库，然后在前台运行 gunicorn 与定时任务；Ctrl-C 停止。
#   ./start.sh                  启动
#   ./start.sh manage 命令 …    执行管理命令，如 createsuperuser、backup_database
# Settings come from yzyh.env beside this script. Without REDIS_URL the periodic jobs
# (expired attempts, daily backup, log purge) run in one process beside the web server;
# with REDIS_URL a Celery worker and beat run instead.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
if [ -f "$here/yzyh.env" ]; then
  set -a
  . "$here/yzyh.env"
  set +a
fi
export PATH="$here/venv/bin:$PATH"
export VAR_DIR="${VAR_DIR:-$here/var}"
entry="$here/app/docker/entrypoint.sh"

if [ "${1:-}" = manage ]; then
  shift
  exec sh "$entry" manage "$@"
fi
sh "$entry" migrate
[ "${1:-}" = --migrate-only ] && exit 0

# Port: PORT, else the one in SITE_URL, else 8000.
if [ -z "${PORT:-}" ]; then
  authority="${SITE_URL#*://}"
  authority="${authority%%/*}"
  case "$authority" in
    *:*) PORT="${authority##*:}" ;;
    *) PORT=8000 ;;
  esac
  export PORT
fi

pids=""
stop_all() {
  trap - EXIT INT TERM
  [ -n "$pids" ] && kill $pids 2>/dev/null
  wait
}
trap stop_all EXIT
trap 'exit 0' INT TERM
if [ -n "${REDIS_URL:-}" ]; then
  sh "$entry" worker & pids="$pids $!"
  sh "$entry" beat & pids="$pids $!"
else
  sh "$entry" periodic & pids="$pids $!"
fi
sh "$entry" web & web=$!
pids="$pids $web"
echo "应知应会已启动：${SITE_URL:-http://127.0.0.1:$PORT}（端口 $PORT；Ctrl-C 停止）"
wait "$web"
