import sqlite3


def find_user(conn, name):
    cur = conn.cursor()
    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")  # expect: CDS-SEC-010
    return cur.fetchall()


def find_order(conn, order_id):
    query = "SELECT * FROM orders WHERE id = %s" % order_id
    conn.execute(query)  # expect: CDS-SEC-010


def delete_user(conn, user_id):
    conn.execute("DELETE FROM users WHERE id = " + str(user_id))  # expect: CDS-SEC-010


def rename(conn, user_id, name):
    sql = "UPDATE users SET name = '{}' WHERE id = {}".format(name, user_id)
    conn.cursor().execute(sql)  # expect: CDS-SEC-010
