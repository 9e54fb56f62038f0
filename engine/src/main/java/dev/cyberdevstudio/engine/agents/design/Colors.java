package dev.cyberdevstudio.engine.agents.design;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** CSS colour values and WCAG 2 contrast. */
final class Colors {

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\\b");
    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})");
    private static final Map<String, Integer> NAMED = Map.ofEntries(Map.entry("black", 0x000000),
        Map.entry("white", 0xffffff), Map.entry("red", 0xff0000), Map.entry("green", 0x008000),
        Map.entry("blue", 0x0000ff), Map.entry("yellow", 0xffff00), Map.entry("gray", 0x808080),
        Map.entry("grey", 0x808080), Map.entry("silver", 0xc0c0c0), Map.entry("orange", 0xffa500),
        Map.entry("lightgray", 0xd3d3d3), Map.entry("lightgrey", 0xd3d3d3), Map.entry("darkgray", 0xa9a9a9),
        Map.entry("navy", 0x000080), Map.entry("purple", 0x800080), Map.entry("whitesmoke", 0xf5f5f5));

    private Colors() {
    }

    /** The RGB of a CSS colour value, when it is a literal this reads (hex, rgb(), a common name). */
    static Optional<Integer> parse(String value) {
        var text = value.strip().toLowerCase(Locale.ROOT);
        var hex = HEX.matcher(text);
        if (hex.find()) {
            var digits = hex.group(1);
            if (digits.length() == 3) {
                digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                    + digits.charAt(2) + digits.charAt(2);
            }
            return Optional.of(Integer.parseInt(digits, 16));
        }
        var rgb = RGB.matcher(text);
        if (rgb.find()) {
            return Optional.of(clamp(rgb.group(1)) << 16 | clamp(rgb.group(2)) << 8 | clamp(rgb.group(3)));
        }
        return Optional.ofNullable(NAMED.get(text.replaceAll("\\s*!important$", "").replace(";", "").strip()));
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    static double contrast(int first, int second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(int rgb) {
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int clamp(String value) {
        return Math.min(255, Integer.parseInt(value));
    }
}
