package dev.cyberdevstudio.sandbox.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;

/** Key pairs for tests, written the way ssh-keygen writes them, by MINA SSHD's code rather than ours. */
final class TestKeys {

    private TestKeys() {
    }

    /** An ECDSA P-256 pair: quick to make, and every SSH implementation here speaks it. */
    static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Writes the private key in the OpenSSH format, encrypted with {@code passphrase} when there is one. */
    static Path writePrivateKey(KeyPair pair, Path file, Optional<String> passphrase) throws IOException {
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase.isPresent()) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setPassword(passphrase.get());
            encryption.setCipherName("AES");
            encryption.setCipherMode("CTR");
            encryption.setCipherType("256");
            encryption.setKdfRounds(4);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test key", encryption, out);
        } catch (GeneralSecurityException failed) {
            throw new IOException(failed);
        }
        return file;
    }

    /** The public key as an authorized_keys or known_hosts line takes it: {@code type base64}. */
    static String openSshLine(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    /** The SHA-256 fingerprint as MINA computes it, to check ours against. */
    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }
}
