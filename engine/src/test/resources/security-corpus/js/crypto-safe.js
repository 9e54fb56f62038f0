const crypto = require("crypto");
const https = require("https");

function digest(data) {
  return crypto.createHash("sha256").update(data).digest("hex");
}

function encrypt(key, text) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  return Buffer.concat([iv, cipher.update(text), cipher.final(), cipher.getAuthTag()]);
}

function jitter() {
  return Math.random() * 100;
}

const agent = new https.Agent({ rejectUnauthorized: true, ca: process.env.EXTRA_CA });

module.exports = { digest, encrypt, jitter, agent };
