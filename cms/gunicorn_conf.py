"""gunicorn settings for the app processes, shipped inside the package.

From the checkout, `gunicorn cms.wsgi` reads ./gunicorn.conf.py, which imports this;
from an installed wheel, anywhere: `gunicorn -c python:cms.gunicorn_conf cms.wsgi`.
Every value can be set from the environment, so one image serves any size.
"""

import json
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(
    os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1))
)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request slower than this is killed and logged; uploads to object storage
# included, so keep it above the storage timeouts.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then, so that a slow leak cannot grow for ever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
# The load balancer's addresses: only they may set X-Forwarded-Proto/-For.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Logs: access and errors on stdout/stderr; the access log as one JSON object a line.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = json.dumps(
    {
        "time": "%(t)s",
        "remote_addr": "%(h)s",
        "forwarded_for": "%({x-forwarded-for}i)s",
        "method": "%(m)s",
        "path": "%(U)s",
        "query": "%(q)s",
        "status": "%(s)s",
        "bytes": "%(B)s",
        "duration_ms": "%(M)s",
        "referer": "%(f)s",
        "user_agent": "%(a)s",
        "logger": "gunicorn.access",
    }
)
