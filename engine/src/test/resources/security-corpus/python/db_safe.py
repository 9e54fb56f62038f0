import sqlite3


def find_user(conn, name):
    cur = conn.cursor()
    cur.execute("SELECT * FROM users WHERE name = ?", (name,))
    return cur.fetchall()


def find_order(conn, order_id):
    query = "SELECT * FROM orders WHERE id = %s"
    conn.execute(query, (order_id,))


def log(message):
    print(f"select from the menu: {message}")
