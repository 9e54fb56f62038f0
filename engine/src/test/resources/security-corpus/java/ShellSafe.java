package demo;

import java.io.IOException;
import java.util.List;

public class ShellSafe {
    Process ping(String host) throws IOException {
        return new ProcessBuilder("ping", "-c", "1", host).start();
    }

    Process list(String dir) throws IOException {
        return new ProcessBuilder(List.of("ls", "-l", dir)).start();
    }

    Process uptime() throws IOException {
        return Runtime.getRuntime().exec(new String[] {"uptime"});
    }
}
