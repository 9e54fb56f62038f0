package dev.cyberdevstudio.engine.agents.security.secrets;

import java.util.HashMap;

/** Shannon entropy in bits per char: random keys score near log2 of their alphabet, words and names much lower. */
final class Entropy {

    private Entropy() {
    }

    static double of(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        var counts = new HashMap<Character, Integer>();
        for (int i = 0; i < text.length(); i++) {
            counts.merge(text.charAt(i), 1, Integer::sum);
        }
        double entropy = 0;
        for (int count : counts.values()) {
            double p = (double) count / text.length();
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return entropy;
    }
}
