const express = require("express");
const { execFile } = require("child_process");
const fs = require("fs");
const path = require("path");
const app = express();

app.get("/user", (req, res) => {
  db.query("SELECT * FROM users WHERE id = ?", [req.query.id], (err, rows) => res.json(rows));
});

app.get("/ping", (req, res) => {
  execFile("ping", ["-c", "1", req.query.host], (err, out) => res.send(out));
});

app.get("/file", (req, res) => {
  const file = path.join(__dirname, "files", path.basename(req.query.name));
  fs.readFile(file, (err, data) => res.send(data));
});

app.get("/calc", (req, res) => {
  const match = /^(\d+)\+(\d+)$/.exec(req.query.expr);
  res.send(JSON.parse(JSON.stringify(match)));
});
