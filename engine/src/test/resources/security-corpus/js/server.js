const express = require("express");
const { exec } = require("child_process");
const fs = require("fs");
const path = require("path");
const app = express();

app.get("/user", (req, res) => {
  db.query(`SELECT * FROM users WHERE id = ${req.query.id}`, (err, rows) => res.json(rows)); // expect: CDS-SEC-010
});

app.get("/search", (req, res) => {
  const sql = "SELECT * FROM items WHERE name LIKE '%" + req.query.q + "%'";
  db.query(sql, (err, rows) => res.json(rows)); // expect: CDS-SEC-010
});

app.get("/ping", (req, res) => {
  exec(`ping -c 1 ${req.query.host}`, (err, out) => res.send(out)); // expect: CDS-SEC-011
});

app.get("/file", (req, res) => {
  const file = path.join(__dirname, "files", req.query.name);
  fs.readFile(file, (err, data) => res.send(data)); // expect: CDS-SEC-012
});

app.get("/calc", (req, res) => {
  res.send(String(eval(req.query.expr))); // expect: CDS-SEC-013
});
