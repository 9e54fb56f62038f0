import hashlib
import os
import random
import secrets
import requests
from Crypto.Cipher import AES


def file_checksum(data):
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def hash_data(data):
    return hashlib.sha256(data).hexdigest()


def make_token():
    return secrets.token_hex(16)


def shuffle_cards(cards):
    random.shuffle(cards)
    return cards


def encrypt(key, data):
    iv = os.urandom(16)
    cipher = AES.new(key, AES.MODE_CBC, iv)
    return iv + cipher.encrypt(data)


def fetch(url):
    return requests.get(url, verify=True, timeout=10)
