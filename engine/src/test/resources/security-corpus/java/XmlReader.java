package demo;

import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

public class XmlReader {
    Document parse(java.io.InputStream in) throws Exception {
        var factory = DocumentBuilderFactory.newInstance(); // expect: CDS-SEC-015
        return factory.newDocumentBuilder().parse(in);
    }
}
