"""The site with its public media files served by whitenoise, as nginx serves them in
production (deploy/nginx.conf): for bench/printed_page.py. Never imported by the application.

    gunicorn bench.media_wsgi
"""

from django.conf import settings
from whitenoise import WhiteNoise

from newsroom.wsgi import application as site

# Content-named files (page images and PDFs, photo renditions): cached for a year, as nginx does.
application = WhiteNoise(
    site,
    root=settings.MEDIA_ROOT,
    prefix=settings.MEDIA_URL,
    max_age=31536000,
    immutable_file_test=r"^/media/(epaper|photos/renditions)/",
)
