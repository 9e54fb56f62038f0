package demo;

import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

public class FileController {
    private final Path base = Path.of("/srv/files");

    byte[] download(HttpServletRequest request) throws IOException {
        String name = request.getParameter("file");
        return Files.readAllBytes(Paths.get("/srv/files", name)); // expect: CDS-SEC-012
    }

    File open(HttpServletRequest request) {
        return new File("/srv/files/" + request.getParameter("file")); // expect: CDS-SEC-012
    }
}
