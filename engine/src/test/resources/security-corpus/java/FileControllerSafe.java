package demo;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public class FileControllerSafe {
    private final Path base = Path.of("/srv/files");

    byte[] download(HttpServletRequest request) throws IOException {
        String name = Path.of(request.getParameter("file")).getFileName().toString();
        return Files.readAllBytes(base.resolve(name));
    }

    byte[] config() throws IOException {
        return Files.readAllBytes(Path.of("/etc/app/config.yml"));
    }
}
