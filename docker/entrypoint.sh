#!/bin/sh
# One entrypoint for every production role; compose.yaml and CI call it the same way.
#   web     migrate, collect static files, serve with gunicorn on $PORT (default 8000)
#   worker  a Celery worker on $REDIS_URL
#   beat    the Celery beat scheduler (finalizes expired exam attempts every minute)
#   manage  any manage.py command: entrypoint.sh manage createsuperuser
set -eu
cd "$(dirname "$0")/.."
export PYTHONPATH="backend:.${PYTHONPATH:+:$PYTHONPATH}"
export DJANGO_SETTINGS_MODULE=config.settings

case "${1:-web}" in
  web)
    python manage.py migrate --noinput
    python manage.py collectstatic --noinput --verbosity 0
    exec gunicorn config.wsgi:application \
      --bind "0.0.0.0:${PORT:-8000}" \
      --workers "${WEB_CONCURRENCY:-3}" --threads "${WEB_THREADS:-4}" \
      --timeout 60 --graceful-timeout 30 --access-logfile - --forwarded-allow-ips '*'
    ;;
  worker)
    exec celery -A config worker --loglevel INFO --concurrency "${CELERY_CONCURRENCY:-2}"
    ;;
  beat)
    exec celery -A config beat --loglevel INFO --schedule "${VAR_DIR:-/tmp}/celerybeat-schedule"
    ;;
  manage)
    shift
    exec python manage.py "$@"
    ;;
  *)
    exec "$@"
    ;;
esac
