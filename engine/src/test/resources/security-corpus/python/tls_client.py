import ssl
import urllib.request


def open_insecure(url):
    context = ssl._create_unverified_context()  # expect: CDS-SEC-030
    return urllib.request.urlopen(url, context=context)


def loose_context():
    context = ssl.create_default_context()
    context.check_hostname = False  # expect: CDS-SEC-031
    context.verify_mode = ssl.CERT_NONE  # expect: CDS-SEC-030
    return context
