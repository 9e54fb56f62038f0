import os

SLACK_TOKEN = "xoxb-971663337522-4896017987045-O4aR9s9q793diTxeflQ7VL41"  # expect: CDS-SEC-004
STRIPE_KEY = "sk_live_P5jXnbt5s9vetUv5wYqRzHPQR2iw"  # expect: CDS-SEC-005
MAPS_KEY = "AIzamM0ihnU5XU1amMQUejtjc0ZL7xtZpk6mVO_"  # expect: CDS-SEC-006
SECRET_KEY = "sRNlGHo5mnQy1VuYD1vNqinSCjgXaf2X"  # expect: CDS-SEC-009
DATABASE_URL = "postgres://app:faZo6ioFmEkKBV@db.internal:5432/app"  # expect: CDS-SEC-009
