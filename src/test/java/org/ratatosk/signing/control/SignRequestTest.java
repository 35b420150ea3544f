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
import org.junit.jupiter.params.provider.CsvSource;
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

    /** The code and message of the first fault of a command's params, in the order its parts are checked. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                                  | INVALID_FIELD: params.tbs must be a non-empty array
            {'tbs':[]}                                                          | INVALID_FIELD: params.tbs must be a non-empty array
            {'tbs':null}                                                        | INVALID_FIELD: params.tbs must be a non-empty array
            {'tbs':'abc'}                                                       | WRONG_TYPE: 'tbs' must be an array
            {'tbs':['abc']}                                                     | INVALID_FIELD: params.tbs items must be objects
            {'tbs':[{'key':'k'}]}                                               | INVALID_FIELD: params.tbs[].data is required and must be a string
            {'tbs':[{'data':5}]}                                                | INVALID_FIELD: params.tbs[].data is required and must be a string
            {'tbs':[{'data':null}]}                                             | INVALID_FIELD: params.tbs[].data is required and must be a string
            {'tbs':[{'data':'x','key':5}]}                                      | WRONG_TYPE: 'key' must be a string
            {'tbs':[{'data':'x','content_type':'t','content_encoding':[1]}]}    | WRONG_TYPE: 'content_encoding' must be a string
            {'tbs':[{'data':'x','description':5}]}                              | WRONG_TYPE: 'description' must be a string
            {'tbs':[{'data':'x','visible':'sometimes'}]}                        | WRONG_TYPE: 'visible' must be true or false
            {'tbs':[{'data':'x','content_encoding':'rot13'}]}                   | INVALID_FIELD: params.tbs[].content_encoding must be base64 or utf-8
            {'tbs':[{'data':'%%%','content_encoding':'BASE64'}]}                | INVALID_FIELD: params.tbs[].data is not valid base64
            {'tbs':[{'data':'x','content_type':'image/png'}]}                   | INVALID_FIELD: params.tbs[]: an image must be base64 encoded
            {'tbs':[{'data':'AQID','content_type':'image/png','content_encoding':'base64'}]} | INVALID_FIELD: params.tbs[]: the image must be a base64 PNG
            {'tbs':[{'data':'x'},{'data':5}]}                                   | INVALID_FIELD: params.tbs[].data is required and must be a string
            {'tbs':[{'data':'x'}],'format':'xml'}                               | INVALID_FIELD: params.format must be jws or pkcs7
            {'tbs':[{'data':'x'}],'format':5}                                   | WRONG_TYPE: 'format' must be a string
            {'tbs':[{'data':'x'},{'data':'y'}],'format':'PKCS7'}                | INVALID_FIELD: params.format pkcs7 signs exactly one tbs item
            {'tbs':[{'data':'x'}],'mechanism':'HS256'}                          | INVALID_FIELD: params.mechanism 'HS256' is not supported; use one of ES256, ES384, PS256, RS256, RS384, RS512
            {'tbs':[{'data':'x'}],'mechanism':5}                                | WRONG_TYPE: 'mechanism' must be a string
            {'tbs':[{'data':'x'}],'filter':7}                                   | INVALID_FIELD: params.filter must be a string or an object of at most 16 entries
            {'tbs':[{'data':'x'}],'filter':['a']}                               | INVALID_FIELD: params.filter must be a string or an object of at most 16 entries
            {'tbs':[{'data':'x'}],'filter':{'keyid':1}}                         | INVALID_FIELD: params.filter.keyid must be a string of at most 1024 characters
            {'tbs':[{'data':'x'}],'image':5}                                    | WRONG_TYPE: 'image' must be a string
            {'tbs':[{'data':'x'}],'image':'***'}                                | INVALID_FIELD: params.image is not valid base64
            {'tbs':[{'data':'x'}],'image':'AQID'}                               | INVALID_FIELD: params.image: the image must be a base64 JPEG or PNG
            {'tbs':[{'data':'x'}],'description':'text'}                         | WRONG_TYPE: 'description' must be an array
            {'tbs':[{'data':'x'}],'description':[7]}                            | INVALID_FIELD: params.description items must be strings or objects
            {'tbs':[{'data':'x'}],'description':[{'text':['a']}]}               | INVALID_FIELD: params.description[].text must be a string, number or boolean
            {'tbs':[{'data':'x'}],'description':[{'text':null}]}                | INVALID_FIELD: params.description[].text must be a string, number or boolean
            {'tbs':[{'data':'x'}],'description':[{'data':5}]}                   | INVALID_FIELD: params.description[].data must be a string
            {'tbs':[{'data':'x'}],'description':[{'data':'%%%','content_encoding':'base64'}]} | INVALID_FIELD: params.description[].data is not valid base64
            {'tbs':[{'data':'x'}],'description':[{'data':'x','content_encoding':5}]} | WRONG_TYPE: 'content_encoding' must be a string
            {'tbs':[{'data':'x'}],'description':[{'data':'x','content_encoding':true}]} | WRONG_TYPE: 'content_encoding' must be a string
            {'tbs':[{'data':'x'}],'description':[{'data':'x','content_encoding':null}]} | INVALID_FIELD: params.description[].content_encoding must be a string, number or boolean
            {'tbs':[{'data':'x'}],'description':[{'data':'x','content_encoding':'rot13','content_type':5}]} | INVALID_FIELD: params.description[].content_encoding must be base64 or utf-8
            {'tbs':[{'data':'x'}],'description':[{'data':'x','content_type':5}]} | WRONG_TYPE: 'content_type' must be a string
            {'tbs':[{'data':'x'}],'description':[{'data':'x','content_type':5,'content_encoding':'UTF8'}]} | WRONG_TYPE: 'content_type' must be a string
            {'tbs':[{'data':'x'}],'description':[{'data':'%%%','content_encoding':'base64','content_type':5}]} | INVALID_FIELD: params.description[].data is not valid base64
            {'tbs':[{'data':'x'}],'description':[{'data':5,'content_encoding':5}]} | INVALID_FIELD: params.description[].data must be a string
            {'tbs':[{'data':'x'}],'description':[{'data':null,'content_encoding':5}]} | INVALID_FIELD: params.description[].data must be a string, number or boolean
            {'tbs':[{'data':'x'}],'description':[{'content_encoding':5,'content_type':5}]} | accepted
            {'tbs':[{'data':'x'}],'description':[{'data':'x','content_type':'image/png'}]} | INVALID_FIELD: params.description[]: an image must be base64 encoded
            {'tbs':[{'data':'x'}],'description':[{'data':'x','content_type':['image/png']}]} | INVALID_FIELD: params.description[].content_type must be a string, number or boolean
            {'tbs':[{'data':'x'}],'description':[{'data':'x','content_type':'text/plain','content_encoding':'none','other':1}]} | accepted
            {'description':[7],'tbs':5}                                         | INVALID_FIELD: params.description items must be strings or objects
            {'description':5,'tbs':5}                                           | WRONG_TYPE: 'description' must be an array
            {'tbs':5,'format':'xml'}                                            | WRONG_TYPE: 'tbs' must be an array
            {'tbs':[],'format':5}                                               | INVALID_FIELD: params.tbs must be a non-empty array
            {'tbs':[{'data':5}],'format':5}                                     | INVALID_FIELD: params.tbs[].data is required and must be a string
            {'tbs':[{'data':'x'}],'format':'xml','mechanism':5}                 | INVALID_FIELD: params.format must be jws or pkcs7
            {'tbs':[{'data':'x'},{'data':'y'}],'format':'pkcs7','mechanism':5}  | INVALID_FIELD: params.format pkcs7 signs exactly one tbs item
            {'tbs':[{'data':'x'},{'data':'y'}],'format':5}                      | WRONG_TYPE: 'format' must be a string
            {'tbs':[{'data':'x'}],'format':5,'mechanism':'MD5'}                 | WRONG_TYPE: 'format' must be a string
            {'tbs':[{'data':'x'}],'mechanism':'MD5','filter':7,'image':5}       | INVALID_FIELD: params.mechanism 'MD5' is not supported; use one of ES256, ES384, PS256, RS256, RS384, RS512
            {'tbs':[{'data':'x'}],'mechanism':5,'filter':7}                     | WRONG_TYPE: 'mechanism' must be a string
            {'tbs':[{'data':'x'}],'filter':7,'image':5}                         | INVALID_FIELD: params.filter must be a string or an object of at most 16 entries
            {'tbs':[{'data':'x'}],'filter':{'keyid':'k'},'image':5}             | WRONG_TYPE: 'image' must be a string
            {'tbs':[{'data':'x'}],'description':null,'format':null,'mechanism':null,'filter':null,'image':null} | accepted
            {'tbs':[{'data':'x','key':null,'visible':null}],'format':'Jws','mechanism':'sha256-with-ecdsa','other':5} | accepted
            {'tbs':[{'data':'x'}],'mechanism':'es256'}                          | INVALID_FIELD: params.mechanism 'es256' is not supported; use one of ES256, ES384, PS256, RS256, RS384, RS512
            """)
    void answersTheFirstFaultAsBefore(String params, String expected) {
        String answer;
        try {
            read(params);
            answer = "accepted";
        } catch (DomainException e) {
            answer = e.code().name() + ": " + e.getMessage();
        }
        assertEquals(expected, answer, params);
    }

    @Test
    void paramsMustBeAnObject() {
        DomainException missing = assertThrows(DomainException.class, () -> SignRequest.from(Json.createObjectBuilder().build()));
        assertEquals("INVALID_FIELD: 'params' is required and must be a JSON object", missing.code().name() + ": " + missing.getMessage());
        DomainException wrong = assertThrows(DomainException.class,
                () -> SignRequest.from(Json.createObjectBuilder().add("params", "x").build()));
        assertEquals("WRONG_TYPE: 'params' must be a JSON object", wrong.code().name() + ": " + wrong.getMessage());
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
