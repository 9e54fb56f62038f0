import pickle
import yaml


def load_session(blob):
    return pickle.loads(blob)  # expect: CDS-SEC-014


def load_config(text):
    return yaml.load(text)  # expect: CDS-SEC-014


def load_full(text):
    return yaml.load(text, Loader=yaml.Loader)  # expect: CDS-SEC-014
