package dev.cyberdevstudio.engine.agents.security;

import java.util.List;
import java.util.Random;

/**
 * Fake secrets in the shapes the rules know, made at run time from a fixed seed: the test sources themselves then
 * hold no token that a secret scanner (ours or a code host's) would take for a leak.
 */
final class Fakes {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Fakes() {
    }

    static String random(int length, String alphabet, long seed) {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    static String alnum(int length, long seed) {
        return random(length, ALNUM, seed);
    }

    static String awsKeyId() {
        return "AK" + "IA" + random(16, UPPER, 1);
    }

    static String awsSecret() {
        return random(40, ALNUM + "/+", 2);
    }

    static String githubToken() {
        return "gh" + "p_" + alnum(36, 3);
    }

    static String slackToken() {
        return "xo" + "xb-" + random(12, "0123456789", 4) + "-" + random(13, "0123456789", 5) + "-" + alnum(24, 6);
    }

    static String stripeKey() {
        return "sk" + "_live_" + alnum(28, 7);
    }

    static String googleKey() {
        return "AI" + "za" + random(35, ALNUM + "_-", 8);
    }

    static String jwt() {
        return "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJ1c2VyLTQyIn0." + random(43, ALNUM + "_-", 9);
    }

    static List<String> pemBody() {
        return List.of(alnum(64, 10), alnum(64, 11), alnum(64, 12), alnum(40, 13) + "==");
    }

    static String password() {
        return "Xk9" + "#mP2q!" + alnum(6, 14);
    }
}
