package demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class SpringFiles {
    @GetMapping("/report")
    byte[] report(@RequestParam String name) throws IOException {
        return Files.readAllBytes(Path.of("/srv/reports", name)); // expect: CDS-SEC-012
    }
}
