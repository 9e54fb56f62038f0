package demo;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

public class CryptoSafe {
    private final SecureRandom random = new SecureRandom();

    byte[] digest(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    Cipher modern() throws Exception {
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    Cipher rsa() throws Exception {
        return Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    }

    GCMParameterSpec nonce() {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        return new GCMParameterSpec(128, iv);
    }

    int dice() {
        return new Random().nextInt(6) + 1;
    }
}
