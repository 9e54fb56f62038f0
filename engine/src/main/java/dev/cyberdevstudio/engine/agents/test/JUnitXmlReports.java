package dev.cyberdevstudio.engine.agents.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * JUnit's XML report format, as Maven Surefire, Gradle, pytest ({@code --junitxml}), Jest's and Mocha's JUnit
 * reporters and many others write it: {@code <testsuite>} (or {@code <testsuites>}) of {@code <testcase>}s with a
 * {@code <failure>}, {@code <error>} or {@code <skipped>} child. Reports are untrusted input: no DTDs, no external
 * entities.
 */
final class JUnitXmlReports {

    private JUnitXmlReports() {
    }

    static List<TestCaseResult> parse(Path report) throws IOException {
        try (var in = Files.newInputStream(report)) {
            return parse(in, report.getFileName().toString());
        }
    }

    static List<TestCaseResult> parse(InputStream in, String name) throws IOException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            var document = builder.parse(in);
            var cases = new ArrayList<TestCaseResult>();
            var testcases = document.getElementsByTagName("testcase");
            for (int i = 0; i < testcases.getLength(); i++) {
                cases.add(testCase((Element) testcases.item(i)));
            }
            return cases;
        } catch (SAXException | ParserConfigurationException broken) {
            throw new IOException(name + " is not a readable JUnit XML report: " + broken.getMessage(), broken);
        }
    }

    private static TestCaseResult testCase(Element testcase) {
        var suite = testcase.getAttribute("classname");
        if (suite.isEmpty() && testcase.getParentNode() instanceof Element parent) {
            suite = parent.getAttribute("name");
        }
        var seconds = seconds(testcase.getAttribute("time"));
        for (var tag : List.of("failure", "error", "skipped")) {
            var children = testcase.getElementsByTagName(tag);
            if (children.getLength() > 0) {
                var child = (Element) children.item(0);
                var outcome = switch (tag) {
                    case "failure" -> TestOutcome.FAILED;
                    case "error" -> TestOutcome.ERRORED;
                    default -> TestOutcome.SKIPPED;
                };
                var details = child.getTextContent().strip();
                var message = child.getAttribute("message").strip();
                if (message.isEmpty()) {
                    message = details.lines().findFirst().orElse(child.getAttribute("type"));
                }
                return TestCaseResult.of(suite, testcase.getAttribute("name"), outcome, seconds, message, details);
            }
        }
        return TestCaseResult.of(suite, testcase.getAttribute("name"), TestOutcome.PASSED, seconds, "", "");
    }

    private static double seconds(String value) {
        try {
            return value.isBlank() ? 0 : Double.parseDouble(value.replace(",", ""));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
