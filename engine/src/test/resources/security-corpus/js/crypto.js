const crypto = require("crypto");
const https = require("https");

function hashPassword(password) {
  return crypto.createHash("md5").update(password).digest("hex"); // expect: CDS-SEC-020
}

function encrypt(key, text) {
  const cipher = crypto.createCipheriv("des-ede3-cbc", key, "12345678"); // expect: CDS-SEC-021, CDS-SEC-023
  return cipher.update(text, "utf8", "hex") + cipher.final("hex");
}

function sessionId() {
  return Math.random().toString(36).slice(2); // expect: CDS-SEC-022
}

const agent = new https.Agent({ rejectUnauthorized: false }); // expect: CDS-SEC-032
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"; // expect: CDS-SEC-032

module.exports = { hashPassword, encrypt, sessionId, agent };
