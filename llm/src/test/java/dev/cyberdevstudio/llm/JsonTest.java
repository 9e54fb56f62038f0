package dev.cyberdevstudio.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void quotedStringsParseBackToTheSameText() throws Exception {
        String text = "say \"hi\"\\ \n\r\t\u0001 ✓ end";
        assertThat(new ObjectMapper().readValue(Json.quote(text), String.class)).isEqualTo(text);
        assertThat(Json.quote("\u0001")).isEqualTo("\"\\u0001\"");
    }
}
