package dev.cyberdevstudio.engine.agents.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.agents.security.crypto.HardcodedIvRule;
import dev.cyberdevstudio.engine.agents.security.crypto.InsecureRandomRule;
import dev.cyberdevstudio.engine.agents.security.crypto.WeakCipherRule;
import dev.cyberdevstudio.engine.agents.security.crypto.WeakHashRule;
import dev.cyberdevstudio.engine.agents.security.tls.HostnameVerificationRule;
import dev.cyberdevstudio.engine.agents.security.tls.TlsVerificationDisabledRule;
import dev.cyberdevstudio.engine.agents.security.tls.TrustAllCertificatesRule;
import org.junit.jupiter.api.Test;

class CryptoAndTlsRulesTest {

    @Test
    void ratesWeakHashesByWhatTheyProtect() {
        var java = """
                class H {
                    byte[] hashPassword(String password) throws Exception {
                        return MessageDigest.getInstance("MD5").digest(password.getBytes());
                    }
                    byte[] etag(byte[] body) { return MessageDigest.getInstance("SHA-1").digest(body); }
                    byte[] good(byte[] body) { return MessageDigest.getInstance("SHA-256").digest(body); }
                }
                """;
        var findings = Scans.run(new WeakHashRule(), "H.java", java);
        assertThat(findings).extracting(Finding::line).containsExactly(3, 5);
        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.HIGH, Severity.MEDIUM);
        var python = """
                hashlib.md5(data, usedforsecurity=False)
                hashlib.sha1(data)
                hashlib.sha256(data)
                """;
        assertThat(Scans.lines(new WeakHashRule(), "h.py", python)).containsExactly(2);
        assertThat(Scans.lines(new WeakHashRule(), "h.js", "crypto.createHash('md5');\ncrypto.createHash('sha256');\n"))
                .containsExactly(1);
        assertThat(Scans.lines(new WeakHashRule(), "h.go", "sum := md5.Sum(data)\nother := sha256.Sum256(data)\n"))
                .containsExactly(1);
    }

    @Test
    void findsBrokenCiphersAndEcbButNotRsaOrGcm() {
        var java = """
                Cipher.getInstance("DES/CBC/PKCS5Padding");
                Cipher.getInstance("AES/ECB/PKCS5Padding");
                Cipher.getInstance("AES");
                Cipher.getInstance("AES/GCM/NoPadding");
                Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
                KeyGenerator.getInstance("DESede");
                """;
        assertThat(Scans.lines(new WeakCipherRule(), "C.java", java)).containsExactly(1, 2, 3, 6);
        assertThat(Scans.lines(new WeakCipherRule(), "c.py", "DES.new(key, DES.MODE_CBC)\nAES.new(key, AES.MODE_ECB)\n"
                + "AES.new(key, AES.MODE_GCM)\nCipher(algorithms.AES(key), modes.ECB())\n")).containsExactly(1, 2, 4);
        assertThat(Scans.lines(new WeakCipherRule(), "c.js", "crypto.createCipheriv('rc4', k, '');\n"
                + "crypto.createCipheriv('aes-256-gcm', k, iv);\ncrypto.createCipher('aes192', k);\n"))
                .containsExactly(1, 3);
        assertThat(Scans.lines(new WeakCipherRule(), "c.go",
                "b, _ := des.NewCipher(key)\nc, _ := aes.NewCipher(key)\n"))
                .containsExactly(1);
    }

    @Test
    void findsPredictableRandomOnlyWhereItMakesASecret() {
        var java = """
                class R {
                    String resetToken() { return Long.toHexString(new Random().nextLong()); }
                    int dice() { return new Random().nextInt(6) + 1; }
                }
                """;
        assertThat(Scans.lines(new InsecureRandomRule(), "R.java", java)).containsExactly(2);
        var python = """
                def make_password():
                    return "".join(random.choice(ALPHABET) for _ in range(12))

                def shuffle(cards):
                    random.shuffle(cards)
                """;
        assertThat(Scans.lines(new InsecureRandomRule(), "r.py", python)).containsExactly(2);
        assertThat(Scans.lines(new InsecureRandomRule(), "r.js", "const csrfToken = Math.random().toString(36);\n"
                + "const jitter = Math.random() * 100;\n")).containsExactly(1);
        var goCrypto = "import \"crypto/rand\"\nfunc nonce() { rand.Read(buf) }\n";
        assertThat(Scans.run(new InsecureRandomRule(), "n.go", goCrypto)).isEmpty();
        var goMath = "import \"math/rand\"\nfunc sessionID() int64 { return rand.Int63() }\n";
        assertThat(Scans.lines(new InsecureRandomRule(), "n.go", goMath)).containsExactly(2);
    }

    @Test
    void findsConstantIvsButNotRandomOnes() {
        var java = """
                class I {
                    Object a() { return new IvParameterSpec("0123456789abcdef".getBytes()); }
                    Object b() { return new IvParameterSpec(new byte[16]); }
                    Object c() {
                        byte[] iv = new byte[16];
                        random.nextBytes(iv);
                        return new IvParameterSpec(iv);
                    }
                    Object d() {
                        byte[] nonce = {1, 2, 3};
                        return new GCMParameterSpec(128, FIXED);
                    }
                }
                """;
        assertThat(Scans.lines(new HardcodedIvRule(), "I.java", java)).containsExactly(2, 3);
        var python = """
                AES.new(key, AES.MODE_CBC, b"0000000000000000")
                iv = os.urandom(16)
                AES.new(key, AES.MODE_CBC, iv)
                fixed = b"1234567812345678"
                Cipher(algorithms.AES(key), modes.CBC(fixed))
                AES.new(key, AES.MODE_GCM, nonce=b"abcdefghijkl")
                """;
        assertThat(Scans.lines(new HardcodedIvRule(), "i.py", python)).containsExactly(1, 5, 6);
        assertThat(Scans.lines(new HardcodedIvRule(), "i.js",
                "crypto.createCipheriv('aes-128-cbc', k, Buffer.alloc(16));\n"
                + "crypto.createCipheriv('aes-128-cbc', k, crypto.randomBytes(16));\n")).containsExactly(1);
        var go = """
                iv := []byte("0000000000000000")
                m := cipher.NewCBCEncrypter(block, iv)
                iv2 := make([]byte, 16)
                io.ReadFull(rand.Reader, iv2)
                n := cipher.NewCBCEncrypter(block, iv2)
                """;
        assertThat(Scans.lines(new HardcodedIvRule(), "i.go", go)).containsExactly(2);
    }

    @Test
    void findsTrustAllManagersAndUnverifiedContexts() {
        var java = """
                class T implements X509TrustManager {
                    public void checkClientTrusted(X509Certificate[] chain, String type) { }
                    public void checkServerTrusted(X509Certificate[] chain, String type) throws CertificateException {
                    }
                    Object netty() { return InsecureTrustManagerFactory.INSTANCE; }
                }
                """;
        assertThat(Scans.lines(new TrustAllCertificatesRule(), "T.java", java)).containsExactly(3, 5);
        var checking = """
                class T implements X509TrustManager {
                    public void checkServerTrusted(X509Certificate[] chain, String type) throws CertificateException {
                        delegate.checkServerTrusted(chain, type);
                    }
                }
                """;
        assertThat(Scans.run(new TrustAllCertificatesRule(), "T.java", checking)).isEmpty();
        assertThat(Scans.lines(new TrustAllCertificatesRule(), "t.py", "ctx = ssl._create_unverified_context()\n"
                + "ctx.verify_mode = ssl.CERT_NONE\nctx.verify_mode = ssl.CERT_REQUIRED\n")).containsExactly(1, 2);
    }

    @Test
    void findsHostNameChecksSwitchedOffButNotImports() {
        var java = """
                import org.apache.http.conn.ssl.NoopHostnameVerifier;
                class H {
                    void a() { HttpsURLConnection.setDefaultHostnameVerifier((host, session) -> true); }
                    Object b() { return builder.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE); }
                    public boolean verify(String host, SSLSession session) { return true; }
                    void c() { HttpsURLConnection.setDefaultHostnameVerifier((host, session) -> host.equals("a")); }
                }
                """;
        assertThat(Scans.lines(new HostnameVerificationRule(), "H.java", java)).containsExactly(3, 4, 5);
        assertThat(Scans.lines(new HostnameVerificationRule(), "h.py", "ctx.check_hostname = False\n"
                + "ctx.check_hostname = True\n")).containsExactly(1);
        assertThat(Scans.lines(new HostnameVerificationRule(), "h.ts",
                "const o = { checkServerIdentity: () => undefined };\n"))
                .containsExactly(1);
    }

    @Test
    void findsVerificationSwitchesInCodeScriptsAndConfiguration() {
        var rule = new TlsVerificationDisabledRule();
        assertThat(Scans.lines(rule, "c.py", "requests.get(url, verify=False)\nrequests.get(url, verify=True)\n"))
                .containsExactly(1);
        assertThat(Scans.lines(rule, "c.js", "new https.Agent({ rejectUnauthorized: false });\n"
                + "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n// rejectUnauthorized: false\n"))
                .containsExactly(1, 2);
        assertThat(Scans.lines(rule, "c.go", "cfg := &tls.Config{InsecureSkipVerify: true}\n")).containsExactly(1);
        assertThat(Scans.lines(rule, "s.sh", "curl -fsSk https://x\ncurl -fsS https://x\necho \"curl -k\"\n"
                + "wget --no-check-certificate https://x\ngit config http.sslVerify false\n")).containsExactly(1, 4, 5);
        assertThat(Scans.lines(rule, "Dockerfile", "FROM x\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n# curl -k\n"))
                .containsExactly(2);
        assertThat(Scans.lines(rule, "p.yml", "tls_config:\n  insecure_skip_verify: true\n  other: false\n"))
                .containsExactly(2);
    }
}
