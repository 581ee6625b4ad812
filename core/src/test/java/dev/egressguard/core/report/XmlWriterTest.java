package dev.egressguard.core.report;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text StAX's XMLStreamWriter writes for the same calls, which the JUnit report used to be written with. */
class XmlWriterTest {

    @Test
    void startTagsStayOpenForAttributesAndEmptyElementsCloseThemselves() throws Exception {
        StringWriter out = new StringWriter();
        XmlWriter xml = new XmlWriter(out);

        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("suite");
        xml.writeAttribute("name", "a");
        xml.writeEmptyElement("case");
        xml.writeAttribute("time", "0");
        xml.writeStartElement("failure");
        xml.writeEndElement();
        xml.writeEndDocument();

        assertThat(out).hasToString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<suite name=\"a\"><case time=\"0\"/><failure></failure></suite>");
    }

    @Test
    void markupIsEscapedQuotesOnlyInAttributes() throws Exception {
        StringWriter out = new StringWriter();
        XmlWriter xml = new XmlWriter(out);

        xml.writeStartElement("f");
        xml.writeAttribute("message", "a<b & \"c\" > d\n");
        xml.writeCharacters("x<y & \"z\" > 'w'");
        xml.writeEndElement();

        assertThat(out).hasToString("<f message=\"a&lt;b &amp; &quot;c&quot; &gt; d\n\">x&lt;y &amp; \"z\" &gt; 'w'</f>");
    }

    @Test
    void anAttributeAfterContentIsADefect() throws Exception {
        XmlWriter xml = new XmlWriter(new StringWriter());
        xml.writeStartElement("f");
        xml.writeCharacters("text");

        assertThatThrownBy(() -> xml.writeAttribute("late", "1")).isInstanceOf(IllegalStateException.class);
    }
}
