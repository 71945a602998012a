"""Health probes for compose: `python -m config.probe web|worker|beat` exits 0 if healthy.

web asks its own /readyz; worker and beat look up their own heartbeat in Redis. Django is
not set up, so a probe every half minute costs little.
"""

import os
import socket
import sys
import urllib.request

from config import heartbeat

USAGE = "用法：python -m config.probe web|worker|beat"


def web() -> bool:
    port = os.environ.get("PORT", "8000")
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as response:
            return response.status == 200
    except OSError as error:
        print(f"web 未就绪：{error}", file=sys.stderr)
        return False


def celery_role(role: str, name: str) -> bool:
    max_age = float(os.environ.get("WORKER_HEARTBEAT_MAX_AGE", "45"))
    seconds = heartbeat.age(os.environ["REDIS_URL"], role, name)
    if seconds is None or seconds > max_age:
        print(
            f"{role} {name} 心跳{'缺失' if seconds is None else f'已 {seconds:.0f} 秒'}",
            file=sys.stderr,
        )
        return False
    return True


def main(role: str) -> int:
    host = socket.gethostname()
    checks = {
        "web": web,
        "worker": lambda: celery_role("worker", f"celery@{host}"),
        "beat": lambda: celery_role("beat", host),
    }
    if role not in checks:
        print(USAGE, file=sys.stderr)
        return 2
    return 0 if checks[role]() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
