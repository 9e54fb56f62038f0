function find(db, id) {
  const sql = ["SELECT * FROM users WHERE id =", id].join(" ");
  return db.query(sql); // expect: CDS-SEC-010
}

module.exports = { find };
