package dev.cyberdevstudio.engine.agents.security.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.engine.agents.security.Severity;
import org.junit.jupiter.api.Test;

class VersionsAndAdvisoriesTest {

    @Test
    void ordersVersionsWithPreReleasesBeforeTheirRelease() {
        assertThat(Versions.compare("2.0-beta9", "2.0")).isNegative();
        assertThat(Versions.compare("2.0-beta9", "2.0-rc1")).isNegative();
        assertThat(Versions.compare("2.0.1", "2.0-beta9")).isPositive();
        assertThat(Versions.compare("2.12.6.1", "2.12.6")).isPositive();
        assertThat(Versions.compare("2.12.6", "2.12.6.0")).isZero();
        assertThat(Versions.compare("v0.17.0", "0.17.0")).isZero();
        assertThat(Versions.compare("1.10.0", "1.9")).isPositive();
        assertThat(Versions.compare("0.0.0-20210921155107-089bfa567519", "0.17.0")).isNegative();
        assertThat(Versions.compare("1.0.0-SNAPSHOT", "1.0.0")).isNegative();
        assertThat(Versions.compare("1.0.0.Final", "1.0.0")).isZero();
        assertThat(Versions.compare("1.0.0+incompatible", "1.0.0")).isZero();
        assertThat(Versions.compare("33.3.1-jre", "33.3.1")).isNegative();
        assertThat(Versions.compare("100000000000000000000", "99")).isPositive();
    }

    @Test
    void loadsTheBundledAdvisoriesWithCveIdsAndRanges() {
        var advisories = Advisories.bundled();
        assertThat(advisories).hasSizeGreaterThanOrEqualTo(15);
        assertThat(advisories).allSatisfy(advisory -> {
            assertThat(advisory.id()).matches("CVE-\\d{4}-\\d{4,}");
            assertThat(advisory.ecosystem()).isIn("Maven", "npm", "PyPI", "Go");
            assertThat(advisory.ranges()).isNotEmpty();
            assertThat(advisory.summary()).isNotBlank();
        });
        assertThat(Advisories.affecting("Maven", "org.apache.logging.log4j:log4j-core", "2.16.0"))
                .extracting(Advisories.Advisory::id).containsExactlyInAnyOrder("CVE-2021-45105", "CVE-2021-44832");
        assertThat(Advisories.affecting("Maven", "org.apache.logging.log4j:log4j-core", "2.17.1")).isEmpty();
        assertThat(Advisories.affecting("Maven", "org.apache.logging.log4j:log4j-core", "2.0-beta8"))
                .extracting(Advisories.Advisory::id).containsExactly("CVE-2021-44832");
        assertThat(Advisories.affecting("PyPI", "PyYAML", "5.3.1")).singleElement()
                .extracting(Advisories.Advisory::severity).isEqualTo(Severity.CRITICAL);
        assertThat(Advisories.affecting("PyPI", "requests", "2.2.1")).isEmpty();
        assertThat(Advisories.affecting("npm", "minimist", "0.2.4")).isEmpty();
        assertThat(Advisories.affecting("npm", "minimist", "1.2.5")).hasSize(1);
        assertThat(Advisories.normalize("PyPI", "Zope.Interface_x")).isEqualTo("zope-interface-x");
    }
}
