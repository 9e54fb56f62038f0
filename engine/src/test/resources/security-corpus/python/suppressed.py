import hashlib
import subprocess


def etag(data):
    return hashlib.md5(data).hexdigest()  # cds-ignore: CDS-SEC-020 not a security use


def run(cmd):
    return subprocess.run(cmd, shell=True)  # nosec - commands come from our own config
