package dev.cyberdevstudio.engine.search;

/**
 * One file of the index, with what matching needs precomputed: the path in lower case and bitmasks of the
 * characters it and its name hold, so that most paths are rejected by one AND before any character is compared.
 */
final class IndexedPath {

    final String path;
    final char[] lower;
    final long mask;
    final long nameMask;
    final int nameStart;

    IndexedPath(String path) {
        this.path = path;
        this.lower = lowerCase(path);
        this.nameStart = path.lastIndexOf('/') + 1;
        var bits = 0L;
        var nameBits = 0L;
        for (var i = 0; i < lower.length; i++) {
            var bit = bit(lower[i]);
            bits |= bit;
            if (i >= nameStart) {
                nameBits |= bit;
            }
        }
        this.mask = bits;
        this.nameMask = nameBits;
    }

    /** Lower case char by char, so that positions stay those of the path (String.toLowerCase may add chars). */
    static char[] lowerCase(String text) {
        var chars = text.toCharArray();
        for (var i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return chars;
    }

    /** The bit that stands for a lower-case character; unrelated characters may share one. */
    static long bit(char lowerCase) {
        if (lowerCase >= 'a' && lowerCase <= 'z') {
            return 1L << (lowerCase - 'a');
        }
        if (lowerCase >= '0' && lowerCase <= '9') {
            return 1L << (26 + lowerCase - '0');
        }
        return 1L << (36 + lowerCase % 28);
    }
}
