package eu.sovereignstack.assessment.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XML SBOM once, before cyclonedx-core-java maps it, with a SAX parser that refuses
 * any DOCTYPE (so no entity, internal or external, is ever declared or resolved) and reports
 * errors with their line and column. It also checks that the root is a CycloneDX {@code <bom>}
 * and bounds the nesting depth, which the mapping walks recursively.
 */
final class XmlSbomScanner {

    static final String CYCLONEDX_NAMESPACE = "http://cyclonedx.org/schema/bom/";
    /** Below the JDK's own element-depth limit (100 since JDK 24), so this check answers first on every JDK. */
    static final int MAX_DEPTH = 64;

    // The JDK's own parser: its feature names below are known to be honoured.
    private static final SAXParserFactory FACTORY = secureFactory();

    private XmlSbomScanner() {
    }

    static void scan(byte[] sbom) throws InventoryFormatException {
        Handler handler = new Handler();
        try {
            SAXParser parser;
            synchronized (FACTORY) {
                parser = FACTORY.newSAXParser();
            }
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            englishMessages(parser);
            parser.parse(new InputSource(new ByteArrayInputStream(sbom)), handler);
        } catch (SAXParseException e) {
            throw new InventoryFormatException(where(e.getLineNumber(), e.getColumnNumber()), message(e), e);
        } catch (Refused e) {
            throw e.reason;
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            throw new InventoryFormatException("document", "the SBOM could not be read as XML: " + e.getMessage(), e);
        }
    }

    private static SAXParserFactory secureFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
        return factory;
    }

    // Messages reach the user; without this the JDK picks the server's locale.
    private static void englishMessages(SAXParser parser) {
        try {
            parser.setProperty("http://apache.org/xml/properties/locale", Locale.ENGLISH);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // an unknown property only leaves the messages in the default locale
        }
    }

    private static String message(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "the SBOM contains a DOCTYPE declaration, which is refused because it can load external"
                    + " entities; remove it (a CycloneDX SBOM needs none)";
        }
        return "the SBOM is not well-formed XML: " + message;
    }

    static String where(int line, int column) {
        if (line <= 0) {
            return "document";
        }
        return column > 0 ? "line " + line + ", column " + column : "line " + line;
    }

    /** Carries a refusal of ours through the SAX callbacks, which may only throw SAXException. */
    private static final class Refused extends SAXException {

        private final transient InventoryFormatException reason;

        Refused(InventoryFormatException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }

    private static final class Handler extends DefaultHandler {

        private Locator locator;
        private int depth;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            depth++;
            if (depth == 1 && (!"bom".equals(localName) || uri == null || !uri.startsWith(CYCLONEDX_NAMESPACE))) {
                throw new Refused(new InventoryFormatException(here(), "the root element is <" + qName
                        + (uri == null || uri.isEmpty() ? "" : " xmlns=\"" + uri + "\"")
                        + ">; a CycloneDX SBOM starts with <bom xmlns=\"" + CYCLONEDX_NAMESPACE + "1.6\">"));
            }
            if (depth > MAX_DEPTH) {
                throw new Refused(new InventoryFormatException(here(),
                        "elements are nested more than " + MAX_DEPTH + " deep"));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            depth--;
        }

        private String here() {
            return locator == null ? "document" : where(locator.getLineNumber(), locator.getColumnNumber());
        }
    }
}
