package demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;

public class SerializationSafe {
    Object read(InputStream in) throws IOException, ClassNotFoundException {
        try (var objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(ObjectInputFilter.Config.createFilter("demo.Message;!*"));
            return objects.readObject();
        }
    }
}
