"""gunicorn settings for production (see DEPLOY.md). Every value can be overridden from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# PDF minutes of a long meeting take a few seconds to typeset; anything slower than this is stuck.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak in a C library (WeasyPrint, fonts) never grows for weeks.
max_requests = 1000
max_requests_jitter = 100
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # empty: no access log
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Only nginx on this machine may tell us the client's scheme and address.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "lamphun-portal"
# No runtime control socket (gunicorn >= 25): systemd manages the process, and one shared
# ~/.gunicorn/gunicorn.ctl would collide between instances and is one more way in.
control_socket_disable = True
