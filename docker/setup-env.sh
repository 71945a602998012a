#!/bin/sh
# Writes docker/.env in one step: SITE_URL (the address people type; ALLOWED_HOSTS and
# CSRF_TRUSTED_ORIGINS follow from it), the ports it implies, a new secret key and a new
# database password.
#   sh docker/setup-env.sh http://ks.example.gov.cn:8080
#   sh docker/setup-env.sh https://ks.example.gov.cn      (then put the certificate in docker/certs/)
# An existing .env is never overwritten: its database password belongs to the database.
set -eu
cd "$(dirname "$0")"
env_file="${ENV_FILE:-.env}"
url="${1:-}"

fail() {
  echo "$1" >&2
  exit 2
}

[ -n "$url" ] || fail "用法：sh docker/setup-env.sh http://服务器域名或地址[:端口]"
case "$url" in
  http://*) scheme=http ;;
  https://*) scheme=https ;;
  *) fail "SITE_URL 须以 http:// 或 https:// 开头：$url" ;;
esac
url="${url%/}"
authority="${url#*://}"
case "$authority" in
  "" | */* | *\?* | *#* | *@*) fail "SITE_URL 只写协议、主机名和端口，不带路径：$url" ;;
esac
host="${authority%:*}"
port="${authority##*:}"
if [ "$host" = "$authority" ]; then
  port=""
fi
case "$port" in
  "") [ "$scheme" = https ] && port=443 || port=80 ;;
  *[!0-9]*) fail "端口须为数字：$url" ;;
esac
[ -n "$host" ] || fail "SITE_URL 缺少主机名：$url"

case "$env_file" in
  /*) shown="$env_file" ;;
  *) shown="$(pwd)/$env_file" ;;
esac
if [ -e "$env_file" ] && [ "${FORCE:-0}" != 1 ]; then
  echo "$shown 已存在，未作改动：其中的数据库密码必须与已有数据库一致。" >&2
  echo "只改地址请直接编辑其中的 SITE_URL 等行；全新部署确需重写时运行 FORCE=1 sh docker/setup-env.sh …" >&2
  exit 1
fi

random_hex() {
  od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'
}

if [ "$scheme" = https ]; then
  site=https http_port=80 https_port="$port" behind_https=1
else
  site=http http_port="$port" https_port=443 behind_https=0
fi

umask 077
cat > "$env_file" <<ENV
# Written by docker/setup-env.sh on $(date '+%Y-%m-%d %H:%M'). Keep it secret; never commit it.
SITE_URL=$url
SECRET_KEY=$(random_hex 32)
POSTGRES_PASSWORD=$(random_hex 16)
NGINX_SITE=$site
HTTP_PORT=$http_port
HTTPS_PORT=$https_port
BEHIND_HTTPS_PROXY=$behind_https
ENV
echo "已写入 $shown：SITE_URL=$url"
if [ "$scheme" = https ]; then
  echo "请把证书放在 docker/certs/fullchain.pem 与 docker/certs/privkey.pem（或在 .env 中设 TLS_CERT_DIR）"
fi
echo "然后在仓库根目录运行：docker compose -f docker/compose.yaml up -d --build"
