"""WSGI app for bench/frontend_perf.py: the product, plus /bench/tiny, a tiny static HTML
page served by the same gunicorn process (the baseline page load)."""

from config.wsgi import application as product

TINY = (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width,initial-scale=1"><title>基准页</title></head>'
    '<body><h1 id="bench-tiny">第 1 题</h1></body></html>'
).encode()


def application(environ, start_response):
    if environ.get("PATH_INFO") == "/bench/tiny":
        start_response(
            "200 OK",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(TINY))),
                ("Cache-Control", "no-store"),
            ],
        )
        return [TINY]
    return product(environ, start_response)
