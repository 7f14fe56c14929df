package io.github.rerun4j.io.camera;

import io.github.rerun4j.io.FileFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * OpenCV FileStorage XML ({@code <opencv_storage><camera_matrix type_id="opencv-matrix"><rows>3</rows>
 * <cols>3</cols><dt>d</dt><data>...</data>}): the top-level elements become a tree that {@link TreeCamera}
 * reads like the YAML form (a matrix's {@code data} as whitespace-separated text).
 */
final class XmlCamera {

    private XmlCamera() {
    }

    static Map<String, Object> tree(Path file) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // A calibration file has no business loading other files: no DTDs, no external entities.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(in);
        } catch (SAXException e) {
            throw new FileFormatException(file, "XML", "expected well-formed OpenCV FileStorage XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IOException("no usable XML parser in this JDK", e);
        }
        Element root = doc.getDocumentElement();
        Map<String, Object> tree = new LinkedHashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                Element data = child(e, "data");
                if (data != null) {
                    Map<String, Object> matrix = new LinkedHashMap<>();
                    matrix.put("data", data.getTextContent());
                    tree.put(e.getTagName(), matrix);
                } else {
                    tree.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        return tree;
    }

    private static @Nullable Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
