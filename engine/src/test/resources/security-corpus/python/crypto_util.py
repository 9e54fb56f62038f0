import hashlib
import random
import requests
from Crypto.Cipher import AES, DES


def hash_password(password):
    return hashlib.md5(password.encode()).hexdigest()  # expect: CDS-SEC-020


def legacy(key):
    return DES.new(key, DES.MODE_ECB)  # expect: CDS-SEC-021


def make_token():
    return "".join(random.choice("abcdef0123456789") for _ in range(32))  # expect: CDS-SEC-022


def encrypt(key, data):
    cipher = AES.new(key, AES.MODE_CBC, b"0000000000000000")  # expect: CDS-SEC-023
    return cipher.encrypt(data)


def fetch(url):
    return requests.get(url, verify=False)  # expect: CDS-SEC-032
