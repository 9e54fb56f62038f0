package dev.cyberdevstudio.sandbox.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control group files as the kernel lays them out, rebuilt in a folder: the v2 layout of a desktop cannot be made
 * on this v1 build machine, so its parsing is checked here; real v1 groups are exercised by the isolated run tests.
 */
class CgroupsTest {

    @TempDir
    Path mount;

    @Test
    void usesDelegatedCgroupV2AndReadsItsCounters() throws IOException {
        Files.writeString(mount.resolve("cgroup.controllers"), "cpu memory pids");
        var own = Files.createDirectories(mount.resolve("user.slice/studio.scope"));
        Files.writeString(own.resolve("cgroup.subtree_control"), "memory pids");
        var self = Files.writeString(mount.resolve("self"), "0::/user.slice/studio.scope\n");

        var result = Cgroups.detect(mount, self);

        assertThat(result.reason()).isEqualTo("cgroup v2");
        var cgroups = result.cgroups().orElseThrow();
        assertThat(cgroups.version()).isEqualTo(Cgroups.Version.V2);
        var group = cgroups.create("fake", 64L << 20, 8);
        var folder = group.procsFiles().getFirst().getParent();
        assertThat(Files.readString(folder.resolve("memory.max"))).isEqualTo(Long.toString(64L << 20));
        assertThat(Files.readString(folder.resolve("pids.max"))).isEqualTo("8");

        Files.writeString(folder.resolve("memory.peak"), "123456\n");
        Files.writeString(folder.resolve("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");
        Files.writeString(folder.resolve("pids.events"), "max 2\n");
        Files.writeString(folder.resolve("cpu.stat"), "usage_usec 1500\nuser_usec 1000\n");
        Files.writeString(folder.resolve("cgroup.procs"), "");

        assertThat(group.describe()).isEqualTo("cgroup v2");
        assertThat(group.peakMemory()).hasValue(123456);
        assertThat(group.memoryLimitHit()).isTrue();
        assertThat(group.processLimitHit()).isTrue();
        assertThat(group.cpuNanos()).hasValue(1_500_000);
        assertThat(group.pids()).isEmpty();
    }

    @Test
    void refusesCgroupV2WithoutDelegatedControllers() throws IOException {
        Files.writeString(mount.resolve("cgroup.controllers"), "cpu memory pids");
        Files.writeString(Files.createDirectories(mount.resolve("app.scope")).resolve("cgroup.subtree_control"), "");
        var self = Files.writeString(mount.resolve("self"), "0::/app.scope\n");

        var result = Cgroups.detect(mount, self);

        assertThat(result.cgroups()).isEmpty();
        assertThat(result.reason()).contains("not delegated");
    }

    @Test
    void readsCgroupV1Counters() throws IOException {
        var memory = Files.createDirectories(mount.resolve("memory/job"));
        var pids = Files.createDirectories(mount.resolve("pids/job"));
        var group = new RunCgroup(Cgroups.Version.V1, java.util.Map.of("memory", memory, "pids", pids));
        Files.writeString(memory.resolve("memory.max_usage_in_bytes"), "4096\n");
        Files.writeString(memory.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n");
        Files.writeString(pids.resolve("pids.events"), "max 0\n");
        Files.writeString(memory.resolve("cgroup.procs"), "12\n");
        Files.writeString(pids.resolve("cgroup.procs"), "12\n13\n");

        assertThat(group.describe()).isEqualTo("cgroup v1");
        assertThat(group.peakMemory()).hasValue(4096);
        assertThat(group.memoryLimitHit()).isFalse();
        assertThat(group.processLimitHit()).isFalse();
        assertThat(group.cpuNanos()).isEmpty();
        assertThat(group.pids()).containsExactly(12L, 13L);
    }

    @Test
    void saysWhenThereAreNoUsableGroups() throws IOException {
        var none = Cgroups.detect(mount, mount.resolve("missing"));
        assertThat(none.cgroups()).isEmpty();
        assertThat(none.reason()).contains("unreadable");

        var v1Only = Files.writeString(mount.resolve("self"), "3:cpu:/\n");
        assertThat(Cgroups.detect(mount, v1Only).reason()).isEqualTo("no memory and pids control groups on this host");

        var unwritable = Files.writeString(mount.resolve("self2"), "4:memory:/gone\n8:pids:/gone\n");
        assertThat(Cgroups.detect(mount, unwritable).reason()).isEqualTo("cgroup v1 is not writable by the studio");
    }

    @Test
    void detectsTheHostsOwnGroups() {
        var result = Cgroups.detect();
        assertThat(result.reason()).isNotBlank();
        result.cgroups().ifPresent(groups -> {
            var group = groups.create("test", 64L << 20, 8);
            assertThat(group).isNotNull();
            assertThat(group.pids()).isEmpty();
            group.close();
            assertThat(group.procsFiles()).allSatisfy(file -> assertThat(file.getParent()).doesNotExist());
        });
    }
}
