import os

SLACK_TOKEN = os.environ["SLACK_TOKEN"]
STRIPE_KEY = os.environ.get("STRIPE_KEY", "")
STRIPE_TEST_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-change-me")
DATABASE_URL = "postgres://app:${DB_PASSWORD}@db.internal:5432/app"
PASSWORD_MIN_LENGTH = 12
password_prompt = "Enter your password: "
