/**
 * The Security agent's deterministic core: rules that find hard-coded secrets, injection-prone calls, weak
 * cryptography, disabled TLS checks and risky dependencies, a scanner that runs them over a project, and a SARIF
 * 2.1.0 export. No model is needed; the agent loop adds explanations and fixes on top of these findings.
 *
 * <p>Entry points: {@link dev.cyberdevstudio.engine.agents.security.SecurityScanner} (scan a folder or a buffer),
 * {@link dev.cyberdevstudio.engine.agents.security.SecurityReport} and
 * {@link dev.cyberdevstudio.engine.agents.security.Finding} (results),
 * {@link dev.cyberdevstudio.engine.agents.security.SarifReport} (export). Rules live in feature packages
 * ({@code secrets}, {@code injection}, {@code crypto}, {@code tls}, {@code dependencies}) behind
 * {@link dev.cyberdevstudio.engine.agents.security.SecurityRule}.
 */
package dev.cyberdevstudio.engine.agents.security;
