const jwt = require("jsonwebtoken");

const serviceToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.GrJ4wcNdiC7fEm_g5Bty7UmO09tbmYWfaDw1f1cGT5o"; // expect: CDS-SEC-008
const config = {
  apiKey: "mNNjffQTMEmJ5o4p5uAxL23d", // expect: CDS-SEC-009
  githubToken: "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", // expect: CDS-SEC-003
};

module.exports = { serviceToken, config };
