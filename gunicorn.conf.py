"""`gunicorn cms.wsgi` run from the checkout reads this file: the settings live in
cms/gunicorn_conf.py, inside the package, so an installed wheel has them too
(`gunicorn -c python:cms.gunicorn_conf cms.wsgi`)."""

from cms.gunicorn_conf import *  # noqa: F403
