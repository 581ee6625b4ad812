package dev.egressguard.core.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Parser messages become the kind of token and what was expected, never the file's text. */
class SyntaxErrorsTest {

    private static final String SECRET = "Zq7SECRETw4";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "root:x:0:0:Zq7SECRETw4                | an unexpected word where a value should start",
            "{\"a\": Zq7SECRETw4}                    | an unexpected word where a value should start",
            "{\"a\" Zq7SECRETw4}                     | an unexpected letter where ':' should follow a key",
            "{\"a\": 1 Zq7SECRETw4}                  | an unexpected letter where ',' or '}' should follow",
            "[1 Zq7SECRETw4]                         | an unexpected letter where ',' or ']' should follow",
            "{Zq7SECRETw4: 1}                        | an unexpected letter where a key in double quotes should start",
            "{\"a\": \"Zq7SECRETw4                   | the file ends inside a string",
            "{\"a\": [1                              | the file ends before the array is closed with ']'",
            "{\"a\": 1]                              | a closing bracket that matches no open one",
            "{\"a\": \"\\qZq7SECRETw4\"}             | an unknown escape sequence in a string",
            "{\"a\": -Zq7SECRETw4}                   | a malformed number",
            "{\"a\": @Zq7SECRETw4}                   | an unexpected symbol where a value should start",
            "{\"a\": ,}                              | an unexpected ',' where a value should start",
    })
    void jsonNamesTheTokenKind(String json, String expected) {
        String message = SyntaxErrors.json(parseError(json));

        assertThat(message).isEqualTo(expected).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "| found undefined alias Zq7SECRETw4                               | found an alias to an anchor that is not defined",
            "while parsing a node | found undefined tag handle !Zq7SECRETw4! | while parsing a node: found a tag handle that is not defined",
            "while scanning a double-quoted scalar | found unknown escape character q(113) | while scanning a double-quoted scalar: found an unknown escape sequence",
            "while scanning for the next token | found character '@' that cannot start any token. (Do not use @ for indentation) | while scanning for the next token: found character '@' that cannot start any token",
            "while parsing a block mapping | expected <block end>, but found '<block mapping start>' | while parsing a block mapping: expected <block end>, but found '<block mapping start>'",
            "while parsing a flow sequence | expected ',' or ']', but got <stream end> | while parsing a flow sequence: expected ',' or ']', but got <stream end>",
            "while scanning a block scalar | expected chomping or indentation indicators, but found x(120) | while scanning a block scalar: expected chomping or indentation indicators, but found a character",
            "| some future message quoting 'Zq7SECRETw4' | some future message quoting '…'",
            "|                                                                  | a syntax error",
    })
    void yamlLeavesOutAnchorsTagsAndCharacters(String context, String problem, String expected) {
        assertThat(SyntaxErrors.yaml(context, problem)).isEqualTo(expected).doesNotContain(SECRET);
    }

    private static JsonProcessingException parseError(String json) {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (JsonProcessingException e) {
            return e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return fail("no error parsing " + json);
    }
}
