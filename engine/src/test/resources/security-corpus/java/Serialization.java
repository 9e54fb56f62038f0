package demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;

public class Serialization {
    Object read(InputStream in) throws IOException, ClassNotFoundException {
        try (var objects = new ObjectInputStream(in)) {
            return objects.readObject(); // expect: CDS-SEC-014
        }
    }

    ObjectMapper mapper() {
        var mapper = new ObjectMapper();
        mapper.enableDefaultTyping(); // expect: CDS-SEC-014
        return mapper;
    }
}
