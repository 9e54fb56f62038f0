import json
import yaml


def load_session(blob):
    return json.loads(blob)


def load_config(text):
    return yaml.safe_load(text)


def load_typed(text):
    return yaml.load(text, Loader=yaml.SafeLoader)
