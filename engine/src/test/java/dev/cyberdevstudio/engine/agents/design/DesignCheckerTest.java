package dev.cyberdevstudio.engine.agents.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignCheckerTest {

    @TempDir
    Path project;

    @Test
    void computesWcagContrastLikeTheSpecification() {
        assertThat(Colors.contrast(0x000000, 0xffffff)).isCloseTo(21.0, within(0.01));
        assertThat(Colors.contrast(0x777777, 0xffffff)).isCloseTo(4.48, within(0.01));
        assertThat(Colors.parse("#fff")).contains(0xffffff);
        assertThat(Colors.parse("rgb(255, 0, 0)")).contains(0xff0000);
        assertThat(Colors.parse("white")).contains(0xffffff);
        assertThat(Colors.parse("-color-fg-default")).isEmpty();
    }

    @Test
    void flagsLowContrastPairsButNotLargeTextThatMeetsItsLowerBarNorLookedUpColours() throws IOException {
        write("web/site.css", """
            .hint { color: #777777; background-color: #ffffff; }
            /* .commented { color: #eee; background: #fff; } */
            .title { color: #767676; background: white; font-size: 24px; }
            .ok { color: #333; background-color: #fff; }
            """);
        write("app/theme.css", ".label { -fx-text-fill: #aaaaaa; -fx-background-color: #ffffff; }\n"
            + ".themed { -fx-text-fill: -color-fg-muted; -fx-background-color: -color-bg-default; }\n");

        var findings = DesignChecker.check(project);

        assertThat(findings).filteredOn(finding -> finding.rule().equals("contrast"))
            .extracting(finding -> finding.file().toString() + ":" + finding.line())
            .containsExactly("app/theme.css:1", "web/site.css:1");
        assertThat(findings.getLast().message()).contains("4.48:1", "4.5:1", ".hint");
    }

    @Test
    void findsImagesWithoutAltAndButtonsAndInputsWithoutLabels() throws IOException {
        write("index.html", """
            <img src="logo.png">
            <img src="spacer.gif" alt="">
            <button class="icon"><svg></svg></button>
            <button aria-label="Close"><svg></svg></button>
            <button>Save</button>
            <input type="text" name="q">
            <input type="text" id="email">
            <input type="submit">
            """);
        write("src/Toolbar.java", "var save = new Button(null, new FontIcon(\"save\"));\n");

        var findings = DesignChecker.check(project);

        assertThat(findings).extracting(DesignFinding::rule, f -> f.file().toString() + ":" + f.line())
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("missing-alt", "index.html:1"),
                org.assertj.core.groups.Tuple.tuple("missing-label", "index.html:3"),
                org.assertj.core.groups.Tuple.tuple("missing-label", "index.html:6"),
                org.assertj.core.groups.Tuple.tuple("missing-label", "src/Toolbar.java:1"));
    }

    @Test
    void pointsOutSpacingOffTheProjectsOwnScale() throws IOException {
        write("style.css", """
            .a { padding: 8px 16px; margin: 4px; }
            .b { gap: 12px; margin-top: 24px; }
            .c { padding: 7px; }
            """);

        var findings = DesignChecker.check(project);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo("spacing-scale");
            assertThat(finding.line()).isEqualTo(3);
            assertThat(finding.message()).contains("padding of 7px", "5 of 6");
        });
        write("loose.css", ".x { padding: 3px; margin: 5px; gap: 7px; margin-left: 9px; padding-top: 11px; }\n");
        assertThat(DesignChecker.check(project)).noneMatch(f -> f.file().toString().equals("loose.css"));
    }

    private void write(String relative, String text) throws IOException {
        var file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
