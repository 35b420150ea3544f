package org.ratatosk.signing.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratatosk.platform.DomainException;

class SignRequestTest {

    static final String PNG = Base64.getEncoder().encodeToString(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1});
    static final String JPEG = Base64.getEncoder().encodeToString(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
    static final String GIF = Base64.getEncoder().encodeToString("GIF89a....".getBytes(StandardCharsets.US_ASCII));

    static JsonObject params(String params) {
        return Json.createReader(new StringReader(("{'params':" + params + "}").replace('\'', '"'))).readObject();
    }

    static SignRequest read(String params) {
        return SignRequest.from(params(params));
    }

    static void refused(String params) {
        DomainException e = assertThrows(DomainException.class, () -> read(params), params);
        assertEquals(400, e.code().status());
        // a missing or invalid field, or one of the wrong JSON type
        assertTrue(java.util.Set.of("INVALID_FIELD", "WRONG_TYPE").contains(e.code().name()), e.code().name());
    }

    @Test
    void readsEveryPart() {
        SignRequest request = read("{'description':['Pay',{'text':'Details','language':'en'}],"
                + "'tbs':[{'key':'doc','data':'hello','content_type':'text/plain','content_encoding':'utf-8',"
                + "'description':'the text','visible':true},{'data':'AQID','content_encoding':'base64','visible':'false'}],"
                + "'filter':{'keyid':'signer','issuer':'CN=CA'},'format':'JWS','mechanism':'SHA256withRSA'}");
        assertEquals("jws", request.format());
        assertEquals("RS256", request.mechanism());
        assertEquals("signer", request.keyId());
        assertEquals(2, request.tbs().size());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), request.tbsData().get(0));
        assertArrayEquals(new byte[]{1, 2, 3}, request.tbsData().get(1));
    }

    @Test
    void defaultsAreJwsWithoutMechanismOrKey() {
        SignRequest request = read("{'tbs':[{'data':'x'}],'filter':'any certificate'}");
        assertEquals("jws", request.format());
        assertNull(request.mechanism());
        assertNull(request.keyId());
    }

    @Test
    void imagesMustBeJpegOrPngByTheirBytes() {
        read("{'tbs':[{'data':'" + PNG + "','content_type':'image/png','content_encoding':'base64'}]}");
        read("{'tbs':[{'data':'" + JPEG + "','content_type':'image/jpeg','content_encoding':'base64'}]}");
        read("{'tbs':[{'data':'x'}],'image':'" + JPEG + "'}");
        read("{'tbs':[{'data':'x'}],'description':[{'content_type':'image/png','content_encoding':'base64','data':'" + PNG + "'}]}");
        refused("{'tbs':[{'data':'" + PNG + "','content_type':'image/jpeg','content_encoding':'base64'}]}");
        refused("{'tbs':[{'data':'" + GIF + "','content_type':'image/gif','content_encoding':'base64'}]}");
        refused("{'tbs':[{'data':'" + PNG + "','content_type':'image/png'}]}");
        refused("{'tbs':[{'data':'x'}],'image':'" + GIF + "'}");
        refused("{'tbs':[{'data':'x'}],'image':'***'}");
        refused("{'tbs':[{'data':'x'}],'description':[{'content_type':'image/jpeg','content_encoding':'base64','data':'" + GIF + "'}]}");
        String huge = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(Base64.getDecoder().decode(PNG), 300 * 1024));
        refused("{'tbs':[{'data':'x'}],'image':'" + huge + "'}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{'tbs':[]}",
            "{'tbs':'abc'}",
            "{'tbs':['abc']}",
            "{'tbs':[{'key':'k'}]}",
            "{'tbs':[{'data':5}]}",
            "{'tbs':[{'data':'x','visible':'sometimes'}]}",
            "{'tbs':[{'data':'x','content_encoding':'rot13'}]}",
            "{'tbs':[{'data':'%%%','content_encoding':'base64'}]}",
            "{'tbs':[{'data':'x'}],'format':'xml'}",
            "{'tbs':[{'data':'x'},{'data':'y'}],'format':'pkcs7'}",
            "{'tbs':[{'data':'x'}],'mechanism':'MD5withRSA'}",
            "{'tbs':[{'data':'x'}],'mechanism':'HS256'}",
            "{'tbs':[{'data':'x'}],'filter':7}",
            "{'tbs':[{'data':'x'}],'filter':{'keyid':1}}",
            "{'tbs':[{'data':'x'}],'description':'text'}",
            "{'tbs':[{'data':'x'}],'description':[7]}",
            "{'tbs':[{'data':'x'}],'description':[{'text':['a']}]}"})
    void refusesMalformedParams(String params) {
        refused(params);
    }

    @Test
    void capsSizes() {
        StringBuilder many = new StringBuilder("{'tbs':[");
        for (int i = 0; i <= SignRequest.MAX_ITEMS; i++) {
            many.append(i == 0 ? "" : ",").append("{'data':'x'}");
        }
        refused(many + "]}");
        refused("{'tbs':[{'data':'" + "a".repeat(SignRequest.MAX_DATA_CHARS + 1) + "'}]}");
        refused("{'tbs':[{'data':'x','description':'" + "d".repeat(SignRequest.MAX_TEXT + 1) + "'}]}");
        refused("{'tbs':[{'data':'x','key':'" + "k".repeat(129) + "'}]}");
        refused("{'tbs':[{'data':'x'}],'description':['" + "d".repeat(SignRequest.MAX_TEXT + 1) + "']}");
        read("{'tbs':[{'data':'" + "a".repeat(SignRequest.MAX_DATA_CHARS) + "'}]}");
    }
}
