package dev.egressguard.core.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The part of StAX's {@code XMLStreamWriter} the JUnit report uses, writing the same text. Not the
 * JDK's writer: finding its factory costs a cold JVM (every build) 60-90 ms. Like StAX, a start tag
 * stays open for attributes until content, a child or its end follows; text escapes
 * {@code & < >}, attribute values {@code & < > "}; both pass through {@link XmlText#clean} first, so
 * the document stays well-formed whatever the text holds.
 */
final class XmlWriter {

    private final Writer out;
    private final Deque<String> open = new ArrayDeque<>();
    /** A start tag written up to its attributes: ">" or "/>" still to come. */
    private boolean tagOpen;
    private boolean tagEmpty;

    XmlWriter(Writer out) {
        this.out = out;
    }

    void writeStartDocument(String encoding, String version) throws IOException {
        out.write("<?xml version=\"" + version + "\" encoding=\"" + encoding + "\"?>");
    }

    void writeStartElement(String name) throws IOException {
        closeTag();
        out.write('<');
        out.write(name);
        open.push(name);
        tagOpen = true;
        tagEmpty = false;
    }

    void writeEmptyElement(String name) throws IOException {
        closeTag();
        out.write('<');
        out.write(name);
        tagOpen = true;
        tagEmpty = true;
    }

    void writeAttribute(String name, String value) throws IOException {
        if (!tagOpen) {
            throw new IllegalStateException("attribute " + name + " outside a start tag");
        }
        out.write(' ');
        out.write(name);
        out.write("=\"");
        escape(value, true);
        out.write('"');
    }

    void writeCharacters(String text) throws IOException {
        closeTag();
        escape(text, false);
    }

    void writeEndElement() throws IOException {
        closeTag();
        out.write("</");
        out.write(open.pop());
        out.write('>');
    }

    void writeEndDocument() throws IOException {
        while (!open.isEmpty()) {
            writeEndElement();
        }
        closeTag();
    }

    void flush() throws IOException {
        out.flush();
    }

    private void closeTag() throws IOException {
        if (tagOpen) {
            out.write(tagEmpty ? "/>" : ">");
            tagOpen = false;
        }
    }

    private void escape(String raw, boolean attribute) throws IOException {
        // Cleaned here too, so that no value (a rule id from a hostile rule file) can make the document ill-formed.
        String text = XmlText.clean(raw);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '&' -> out.write("&amp;");
                case '"' -> out.write(attribute ? "&quot;" : "\"");
                default -> out.write(c);
            }
        }
    }
}
