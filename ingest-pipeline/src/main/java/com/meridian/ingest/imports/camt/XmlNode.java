package com.meridian.ingest.imports.camt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element read by local name (the namespace carries the camt version, and the shapes we read are shared by
 * all versions). Only a single entry's subtree is ever held, so memory follows the entry, not the file.
 */
record XmlNode(String name, Map<String, String> attributes, StringBuilder text, List<XmlNode> children) {

    /** Reads the element the reader is positioned on, up to and including its end tag. */
    static XmlNode read(XMLStreamReader xml) throws XMLStreamException {
        XmlNode node = new XmlNode(xml.getLocalName(), attributes(xml), new StringBuilder(), new ArrayList<>());
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                node.children.add(read(xml));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                node.text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return node;
            }
        }
        throw new XMLStreamException("document ends inside <" + node.name + ">");
    }

    /** This element's own trimmed text, or null when blank. */
    String value() {
        String value = text.toString().strip();
        return value.isEmpty() ? null : value;
    }

    /** The first descendant along {@code path} (local names separated by '/'), or null. */
    XmlNode find(String path) {
        XmlNode current = this;
        for (String step : path.split("/")) {
            current = current.child(step);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** The trimmed text along {@code path}, or null when absent or blank. */
    String text(String path) {
        XmlNode node = find(path);
        return node == null ? null : node.value();
    }

    /** The first of {@code paths} that has text. */
    String firstText(String... paths) {
        for (String path : paths) {
            String value = text(path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    List<XmlNode> all(String name) {
        return children.stream().filter(c -> c.name.equals(name)).toList();
    }

    XmlNode child(String name) {
        for (XmlNode child : children) {
            if (child.name.equals(name)) {
                return child;
            }
        }
        return null;
    }

    String attribute(String name) {
        return attributes.get(name);
    }

    private static Map<String, String> attributes(XMLStreamReader xml) {
        if (xml.getAttributeCount() == 0) {
            return Map.of();
        }
        Map<String, String> attributes = new java.util.HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        return attributes;
    }
}
