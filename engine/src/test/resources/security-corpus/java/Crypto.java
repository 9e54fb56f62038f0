package demo;

import java.security.MessageDigest;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

public class Crypto {
    byte[] hashPassword(String password) throws Exception {
        return MessageDigest.getInstance("MD5").digest(password.getBytes()); // expect: CDS-SEC-020
    }

    Cipher legacy() throws Exception {
        return Cipher.getInstance("DES/CBC/PKCS5Padding"); // expect: CDS-SEC-021
    }

    Cipher ecb() throws Exception {
        return Cipher.getInstance("AES/ECB/PKCS5Padding"); // expect: CDS-SEC-021
    }

    String resetToken() {
        return Long.toHexString(new Random().nextLong()); // expect: CDS-SEC-022
    }

    IvParameterSpec iv() {
        return new IvParameterSpec("0123456789abcdef".getBytes()); // expect: CDS-SEC-023
    }
}
