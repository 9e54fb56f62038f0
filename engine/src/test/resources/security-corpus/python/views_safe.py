import os
from flask import request, send_from_directory
from werkzeug.utils import secure_filename

BASE = "/srv/files"


def download():
    name = secure_filename(request.args.get("name"))
    return send_from_directory(BASE, name)


def read_config():
    with open(os.path.join(BASE, "config.ini")) as handle:
        return handle.read()
