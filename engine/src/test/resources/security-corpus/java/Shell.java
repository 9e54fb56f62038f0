package demo;

import java.io.IOException;

public class Shell {
    Process ping(String host) throws IOException {
        return Runtime.getRuntime().exec("ping -c 1 " + host); // expect: CDS-SEC-011
    }

    Process list(String dir) throws IOException {
        return new ProcessBuilder("sh", "-c", "ls -l " + dir).start(); // expect: CDS-SEC-011
    }

    Process archive(String name) throws IOException {
        String command = "tar czf /tmp/out.tgz " + name;
        return Runtime.getRuntime().exec(command); // expect: CDS-SEC-011
    }
}
