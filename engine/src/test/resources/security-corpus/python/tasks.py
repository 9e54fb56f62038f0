import os
import subprocess


def backup(path):
    os.system("tar czf /tmp/backup.tgz " + path)  # expect: CDS-SEC-011


def convert(src):
    subprocess.run(f"convert {src} out.png", shell=True)  # expect: CDS-SEC-011


def disk(cmd):
    return os.popen(cmd).read()  # expect: CDS-SEC-011


def calc(expr):
    return eval(expr)  # expect: CDS-SEC-013
