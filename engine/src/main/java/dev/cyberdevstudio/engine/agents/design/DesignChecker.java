package dev.cyberdevstudio.engine.agents.design;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Design agent's deterministic core, over a project's UI code:
 * <ul>
 *   <li>contrast: a CSS or JavaFX CSS rule that sets both a text colour and a background colour below WCAG AA
 *       (4.5:1; 3:1 for rules that make text large or bold);</li>
 *   <li>missing-alt: an HTML/JSX {@code <img>} without {@code alt};</li>
 *   <li>missing-label: a {@code <button>} with no text, {@code aria-label} or {@code title}, an {@code <input>}
 *       without {@code id} a label could name nor {@code aria-label}, a JavaFX {@code Button} built with only a
 *       graphic and no accessible text in the file;</li>
 *   <li>spacing-scale: padding, margin and gap lengths in px that are off the project's own scale (the multiples
 *       of 4 that most of its values use), which usually means an inconsistent one-off.</li>
 * </ul>
 */
public final class DesignChecker {

    static final double AA_NORMAL = 4.5;
    static final double AA_LARGE = 3.0;
    private static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "target", "build", "dist", ".venv");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}", Pattern.DOTALL);
    private static final Pattern DECLARATION = Pattern.compile("([-a-zA-Z]+)\\s*:\\s*([^;]+);?");
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUTTON = Pattern.compile("<button\\b([^>]*)>(.*?)</button>",
        Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FX_ICON_BUTTON = Pattern.compile("new Button\\(\\s*(null|\"\")\\s*,");
    private static final Pattern PX = Pattern.compile("(\\d+(?:\\.\\d+)?)px");
    private static final Pattern SPACING = Pattern.compile("^(-fx-)?(padding|margin|gap|spacing|-fx-hgap|-fx-vgap)"
        + "(-(top|right|bottom|left))?$");

    private DesignChecker() {
    }

    public static List<DesignFinding> check(Path root) throws IOException {
        var findings = new ArrayList<DesignFinding>();
        var spacings = new ArrayList<Spacing>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.size() > MAX_FILE_BYTES) {
                    return FileVisitResult.CONTINUE;
                }
                var name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                var relative = root.relativize(file);
                if (name.endsWith(".css") || name.endsWith(".scss")) {
                    checkCss(relative, Files.readString(file, StandardCharsets.UTF_8), findings, spacings);
                } else if (name.matches(".*\\.(html?|jsx|tsx|vue|svelte)$")) {
                    checkMarkup(relative, Files.readString(file, StandardCharsets.UTF_8), findings);
                } else if (name.endsWith(".java")) {
                    checkJavaFx(relative, Files.readString(file, StandardCharsets.UTF_8), findings);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE;
            }
        });
        checkScale(spacings, findings);
        findings.sort(Comparator.comparing((DesignFinding finding) -> finding.file().toString())
            .thenComparingInt(DesignFinding::line));
        return findings;
    }

    private record Spacing(Path file, int line, String property, double px) {
    }

    static void checkCss(Path file, String css, List<DesignFinding> findings, List<Spacing> spacings) {
        var text = Pattern.compile("(?s)/\\*.*?\\*/").matcher(css)
            .replaceAll(match -> match.group().replaceAll("[^\\n]", " "));
        var rules = RULE.matcher(text);
        while (rules.find()) {
            int line = lineOf(text, rules.start(2));
            Map<String, String> declarations = new HashMap<>();
            var declaration = DECLARATION.matcher(rules.group(2));
            while (declaration.find()) {
                var property = declaration.group(1).toLowerCase(Locale.ROOT);
                var value = declaration.group(2).strip();
                declarations.put(property, value);
                if (SPACING.matcher(property).matches()) {
                    var px = PX.matcher(value);
                    while (px.find()) {
                        spacings.add(new Spacing(file, lineOf(text, rules.start(2) + declaration.start()), property,
                            Double.parseDouble(px.group(1))));
                    }
                }
            }
            var foreground = first(declarations, "color", "-fx-text-fill", "-fx-fill");
            var background = first(declarations, "background-color", "background", "-fx-background-color");
            if (foreground == null || background == null) {
                continue;
            }
            var fg = Colors.parse(foreground);
            var bg = Colors.parse(background);
            if (fg.isEmpty() || bg.isEmpty()) {
                continue;
            }
            boolean large = isLarge(declarations);
            double ratio = Colors.contrast(fg.get(), bg.get());
            double needed = large ? AA_LARGE : AA_NORMAL;
            if (ratio < needed) {
                findings.add(new DesignFinding("contrast", DesignFinding.Severity.ERROR, file, line,
                    "%s on %s has a contrast of %.2f:1, below WCAG AA's %.1f:1 for %s text in %s".formatted(
                        foreground, background, ratio, needed, large ? "large" : "normal",
                        rules.group(1).strip())));
            }
        }
    }

    private static void checkMarkup(Path file, String markup, List<DesignFinding> findings) {
        var images = IMG.matcher(markup);
        while (images.find()) {
            if (!images.group().matches("(?is).*\\balt\\s*=.*")) {
                findings.add(new DesignFinding("missing-alt", DesignFinding.Severity.ERROR, file,
                    lineOf(markup, images.start()), "an <img> has no alt text: describe it, or alt=\"\" if it is"
                        + " decoration"));
            }
        }
        var buttons = BUTTON.matcher(markup);
        while (buttons.find()) {
            var attributes = buttons.group(1);
            var content = buttons.group(2).replaceAll("(?s)<[^>]*>", "").strip();
            if (content.isEmpty() && !attributes.matches("(?is).*\\b(aria-label|aria-labelledby|title)\\s*=.*")) {
                findings.add(new DesignFinding("missing-label", DesignFinding.Severity.ERROR, file,
                    lineOf(markup, buttons.start()), "a <button> has no text and no aria-label: screen readers"
                        + " announce it as just \"button\""));
            }
        }
        var inputs = INPUT.matcher(markup);
        while (inputs.find()) {
            var tag = inputs.group();
            if (tag.matches("(?is).*type\\s*=\\s*[\"']?(hidden|submit|button|reset)\\b.*")) {
                continue;
            }
            if (!tag.matches("(?is).*\\b(aria-label|aria-labelledby|id)\\s*=.*")) {
                findings.add(new DesignFinding("missing-label", DesignFinding.Severity.WARNING, file,
                    lineOf(markup, inputs.start()), "an <input> has neither an id a <label for> could name nor an"
                        + " aria-label"));
            }
        }
    }

    private static void checkJavaFx(Path file, String source, List<DesignFinding> findings) {
        if (source.contains("setAccessibleText")) {
            return;
        }
        var buttons = FX_ICON_BUTTON.matcher(source);
        while (buttons.find()) {
            findings.add(new DesignFinding("missing-label", DesignFinding.Severity.WARNING, file,
                lineOf(source, buttons.start()), "a Button shows only a graphic and the file never sets accessible"
                    + " text: call setAccessibleText so screen readers can name it"));
        }
    }

    // The scale is the project's own: when most spacing values are multiples of 4, the others stand out.
    private static void checkScale(List<Spacing> spacings, List<DesignFinding> findings) {
        if (spacings.size() < 5) {
            return;
        }
        long onScale = spacings.stream().filter(spacing -> spacing.px() % 4 == 0).count();
        if (onScale * 4 < spacings.size() * 3) {
            return;
        }
        for (var spacing : spacings) {
            if (spacing.px() % 4 != 0) {
                findings.add(new DesignFinding("spacing-scale", DesignFinding.Severity.INFO, spacing.file(),
                    spacing.line(), "%s of %spx is off the 4px scale that %d of %d spacing values here follow"
                        .formatted(spacing.property(), trim(spacing.px()), onScale, spacings.size())));
            }
        }
    }

    private static String trim(double px) {
        return px == Math.floor(px) ? String.valueOf((long) px) : String.valueOf(px);
    }

    private static boolean isLarge(Map<String, String> declarations) {
        var size = first(declarations, "font-size", "-fx-font-size");
        var weight = first(declarations, "font-weight", "-fx-font-weight");
        double points = 0;
        if (size != null) {
            var px = PX.matcher(size);
            if (px.find()) {
                points = Double.parseDouble(px.group(1)) * 0.75;
            } else if (size.strip().endsWith("pt")) {
                points = Double.parseDouble(size.strip().replace("pt", ""));
            }
        }
        boolean bold = weight != null && (weight.contains("bold") || weight.matches("\\s*[6-9]00\\s*"));
        return points >= 18 || bold && points >= 14;
    }

    private static String first(Map<String, String> declarations, String... names) {
        for (var name : names) {
            if (declarations.containsKey(name)) {
                return declarations.get(name);
            }
        }
        return null;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
