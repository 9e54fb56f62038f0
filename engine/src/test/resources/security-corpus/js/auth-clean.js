const config = {
  apiKey: process.env.API_KEY,
  githubToken: process.env.GITHUB_TOKEN,
  tokenType: "Bearer",
  passwordLength: 16,
};
// Tokens look like ghp_ followed by 36 characters; see the docs.
module.exports = { config };
