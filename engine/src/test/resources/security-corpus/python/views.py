import os
from flask import request, send_file

BASE = "/srv/files"


def download():
    name = request.args.get("name")
    path = os.path.join(BASE, name)
    return send_file(path)  # expect: CDS-SEC-012


def read_note():
    with open("/srv/notes/" + request.args["note"]) as handle:  # expect: CDS-SEC-012
        return handle.read()
