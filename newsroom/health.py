"""/healthz, for load balancers and monitoring: each dependency, and whether pages can be served.

The database is needed for every page: without it the answer is 503, and a load balancer sends
readers elsewhere. The cache is not (pages are then served uncached): without it the answer is
200 with "degraded", for monitoring to see and the load balancer to ignore.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

PROBE_KEY = "healthz:probe"


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except (OperationalError, InterfaceError) as error:
        logger.error("health check: database unavailable: %s", error)
        return False
    return True


def cache_answers():
    # The cache answers a failure as a miss (newsroom.cache), so a value written and read back
    # is the test; a random one, so that an earlier probe's value cannot pass for this one.
    probe = uuid.uuid4().hex
    cache.set(PROBE_KEY, probe, timeout=10)
    return cache.get(PROBE_KEY) == probe


@require_safe
@never_cache
def healthz(request):
    checks = {"database": database_answers(), "cache": cache_answers()}
    if not checks["database"]:
        status = "unavailable"
    elif not all(checks.values()):
        status = "degraded"
    else:
        status = "ok"
    body = {"status": status} | {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    return JsonResponse(body, status=503 if status == "unavailable" else 200)
