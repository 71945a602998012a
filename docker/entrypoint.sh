#!/bin/sh
# One entrypoint for every production role; compose.yaml, the offline bundle and the tests
# call it the same way.
#   migrate   apply database migrations and collect static files (once per deployment)
#   web       serve with gunicorn on $PORT (default 8000); run `migrate` first
#   worker    a Celery worker on $REDIS_URL (background work, the daily backup)
#   beat      the Celery beat scheduler (expired attempts, backups, log purge)
#   periodic  without Redis: run the same schedule in-process every minute
#   health    ROLE  exit 0 if web, worker or beat is healthy (compose health checks)
#   backup    back up the database and uploaded files now (manage.py backup_database)
#   manage    any manage.py command: entrypoint.sh manage createsuperuser
set -eu
cd "$(dirname "$0")/.."
export PYTHONPATH="backend:.${PYTHONPATH:+:$PYTHONPATH}"
export DJANGO_SETTINGS_MODULE=config.settings

role="${1:-web}"
if [ "$#" -gt 0 ]; then shift; fi
case "$role" in
  migrate)
    python manage.py migrate --noinput
    exec python manage.py collectstatic --noinput --verbosity 0
    ;;
  web)
    # ArrivalThreadWorker is gthread that notes when each request arrived (exam saves' cutoff).
    exec gunicorn config.wsgi:application -k config.gunicorn_worker.ArrivalThreadWorker \
      --bind "${BIND:-0.0.0.0}:${PORT:-8000}" \
      --workers "${WEB_CONCURRENCY:-3}" --threads "${WEB_THREADS:-4}" \
      --timeout 60 --graceful-timeout 30 --access-logfile - --forwarded-allow-ips '*' \
      --keep-alive "${WEB_KEEPALIVE:-75}" --backlog "${WEB_BACKLOG:-2048}"
    ;;
  worker)
    exec celery -A config worker --loglevel INFO --without-gossip --without-mingle \
      --concurrency "${CELERY_CONCURRENCY:-2}"
    ;;
  beat)
    exec celery -A config beat --loglevel INFO \
      --schedule "${BEAT_SCHEDULE_FILE:-/tmp/celerybeat-schedule}"
    ;;
  periodic)
    exec python manage.py run_periodic_tasks --every "${PERIODIC_SECONDS:-60}"
    ;;
  health)
    exec python -m config.probe "$@"
    ;;
  backup)
    exec python manage.py backup_database "$@"
    ;;
  manage)
    exec python manage.py "$@"
    ;;
  *)
    exec "$role" "$@"
    ;;
esac
