import ast
import os
import subprocess


def backup(path):
    subprocess.run(["tar", "czf", "/tmp/backup.tgz", path], check=True)


def clear():
    os.system("clear")


def listing():
    return subprocess.run("ls -l", shell=True, capture_output=True)


def calc(expr):
    return ast.literal_eval(expr)


def train(model):
    model.eval()
