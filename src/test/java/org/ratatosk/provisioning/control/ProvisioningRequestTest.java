package org.ratatosk.provisioning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratatosk.platform.DomainException;

/** A provisioning command's fields: what is read from them, and the first fault's answer, in the order they are checked. */
class ProvisioningRequestTest {

    static final String PRIO = "{'keytype':'rsa','keylength':2048}";

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    static String answer(String command) {
        try {
            ProvisioningRequest.from(json(command));
            return "accepted";
        } catch (DomainException e) {
            return e.code().name() + ": " + e.getMessage();
        }
    }

    /** A command whose profile asks for the given key generation requests. */
    static String requests(String keyGenRequests) {
        return "{'nonce':'n','userid':'u','profile':{'name':'p','keygenrequests':[" + keyGenRequests + "]}}";
    }

    @Test
    void readsEveryPart() {
        ProvisioningRequest request = ProvisioningRequest.from(json("{'nonce':'n1','userid':'u1','responseformat':'jws',"
                + "'profile':{'name':'p','servername':'s','keygenrequests':[{'keyid':'a','usage':'sign','keystate':'new',"
                + "'keytypepriors':[{'keytype':'ecc','keylength':'256','responsemechanism':'ES256'},{'keytype':'Rsa','keylength':2048}],"
                + "'storagepriors':['OS','TPM']},{'keyid':'b','keytypeprios':[" + PRIO + "]}]}}"));
        assertEquals("n1", request.nonce());
        assertEquals("u1", request.userId());
        assertEquals("p", request.name());
        assertEquals("s", request.serverName());
        assertEquals("jws", request.responseFormat());
        assertEquals(List.of(
                new ProvisioningRequest.KeyGenRequest("a", "sign", "new", List.of(
                        new ProvisioningRequest.KeyTypePrio("EC", 256, "ES256"),
                        new ProvisioningRequest.KeyTypePrio("RSA", 2048, null)), null),
                new ProvisioningRequest.KeyGenRequest("b", null, null, List.of(
                        new ProvisioningRequest.KeyTypePrio("RSA", 2048, null)), null)), request.keyRequests());
    }

    /** A length beyond an int matches no device's key, where wrapped round it would have matched a 2048 or 256 bit one. */
    @Test
    void aKeyLengthBeyondAnIntIsNotWrappedRoundOntoAKeysLength() {
        ProvisioningRequest request = ProvisioningRequest.from(json(requests(
                "{'keyid':'a','keytypeprios':[{'keytype':'RSA','keylength':4294969344},{'keytype':'EC','keylength':'-4294967040'}]}")));
        assertEquals(List.of(new ProvisioningRequest.KeyGenRequest("a", null, null, List.of(
                new ProvisioningRequest.KeyTypePrio("RSA", Integer.MAX_VALUE, null),
                new ProvisioningRequest.KeyTypePrio("EC", Integer.MIN_VALUE, null)), null)), request.keyRequests());
    }

    @Test
    void aProfileWithoutRequestsAsksForNoKeys() {
        ProvisioningRequest request = ProvisioningRequest.from(json("{'nonce':'n','userid':'u','responseformat':null,'profile':{}}"));
        assertEquals(List.of(), request.keyRequests());
        assertEquals("jws", request.responseFormat());
        assertEquals(null, request.name());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                         | INVALID_FIELD: 'nonce' is required
            {'nonce':'','userid':5}                                    | INVALID_FIELD: 'nonce' is required
            {'nonce':null,'userid':5}                                  | INVALID_FIELD: 'nonce' is required
            {'nonce':5,'userid':5}                                     | WRONG_TYPE: 'nonce' must be a string
            {'nonce':'n'}                                              | INVALID_FIELD: 'userid' is required
            {'nonce':'n','userid':[],'profile':5}                      | WRONG_TYPE: 'userid' must be a string
            {'nonce':'n','userid':'u','responseformat':'cms'}          | INVALID_FIELD: 'responseformat' must be 'jws'
            {'nonce':'n','userid':'u','responseformat':'JWS'}          | INVALID_FIELD: 'responseformat' must be 'jws'
            {'nonce':'n','userid':'u','responseformat':5,'profile':5}  | WRONG_TYPE: 'responseformat' must be a string
            {'nonce':'n','userid':'u'}                                 | INVALID_FIELD: 'profile' is required and must be a JSON object
            {'nonce':'n','userid':'u','profile':null}                  | INVALID_FIELD: 'profile' is required and must be a JSON object
            {'nonce':'n','userid':'u','profile':[]}                    | WRONG_TYPE: 'profile' must be a JSON object
            {'nonce':'','profile':5}                                   | INVALID_FIELD: 'nonce' is required
            {'nonce':'n','userid':'u','profile':{'name':5,'keygenrequests':5}}       | WRONG_TYPE: 'name' must be a string
            {'nonce':'n','userid':'u','profile':{'servername':5,'keygenrequests':5}} | WRONG_TYPE: 'servername' must be a string
            {'nonce':'n','userid':'u','profile':{'keygenrequests':{}}}               | WRONG_TYPE: 'keygenrequests' must be an array
            {'nonce':'n','userid':'u','profile':{'keygenrequests':null}}             | accepted
            """)
    void answersTheCommandsFirstFaultAsBefore(String command, String expected) {
        assertEquals(expected, answer(command), command);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            5                                                                        | INVALID_FIELD: 'keygenrequests' items must be objects
            {}                                                                       | INVALID_FIELD: 'keyid' is required
            {'keyid':5,'keytypeprios':5}                                             | WRONG_TYPE: 'keyid' must be a string
            {'keyid':'k'}                                                            | INVALID_FIELD: 'keytypeprios' is required for k
            {'keyid':'k','keytypeprios':null,'keytypepriors':null}                   | INVALID_FIELD: 'keytypeprios' is required for k
            {'keyid':'k','keytypeprios':[]}                                          | INVALID_FIELD: 'keytypeprios' is empty for k
            {'keyid':'k','keytypepriors':[]}                                         | INVALID_FIELD: 'keytypeprios' is empty for k
            {'keyid':'k','keytypeprios':5,'keytypepriors':[PRIO]}                    | WRONG_TYPE: 'keytypeprios' must be an array
            {'keyid':'k','keytypepriors':5}                                          | WRONG_TYPE: 'keytypepriors' must be an array
            {'keyid':'k','keytypeprios':[PRIO],'keytypepriors':5}                    | accepted
            {'keyid':'k','keytypeprios':[PRIO],'keytypepriors':[5]}                  | accepted
            {'keyid':'k','keytypepriors':[PRIO],'storagepriors':['APP']}             | accepted
            {'keyid':'k','keytypeprios':[PRIO,5]}                                    | INVALID_FIELD: 'keytypeprios' items must be objects
            {'keyid':'k','keytypepriors':['RSA']}                                    | INVALID_FIELD: 'keytypeprios' items must be objects
            {'keyid':'k','keytypeprios':[{}]}                                        | INVALID_FIELD: 'keytype' is required
            {'keyid':'k','keytypeprios':[{'keytype':'','keylength':'x'}]}            | INVALID_FIELD: 'keytype' is required
            {'keyid':'k','keytypeprios':[{'keytype':5}]}                             | WRONG_TYPE: 'keytype' must be a string
            {'keyid':'k','keytypeprios':[{'keytype':'dsa','keylength':'x'}]}         | INVALID_FIELD: keytype must be RSA or EC
            {'keyid':'k','keytypeprios':[{'keytype':'ecc'}]}                         | INVALID_FIELD: 'keylength' is required
            {'keyid':'k','keytypeprios':[{'keytype':'EC','keylength':'x','responsemechanism':5}]} | WRONG_TYPE: 'keylength' must be a whole number
            {'keyid':'k','keytypeprios':[{'keytype':'EC','keylength':1.5}]}          | WRONG_TYPE: 'keylength' must be a whole number
            {'keyid':'k','keytypeprios':[{'keytype':'EC','keylength':256,'responsemechanism':'HS256'}]} | INVALID_FIELD: responsemechanism 'HS256' is not supported
            {'keyid':'k','keytypeprios':[{'keytype':'EC','keylength':256,'responsemechanism':5}]}       | WRONG_TYPE: 'responsemechanism' must be a string
            {'keyid':'k','keytypeprios':[{'keytype':'dsa'}],'storageprios':5}        | INVALID_FIELD: keytype must be RSA or EC
            {'keyid':'k','keytypeprios':[PRIO],'storageprios':5}                     | WRONG_TYPE: 'storageprios' must be an array
            {'keyid':'k','keytypeprios':[PRIO],'storagepriors':5}                    | WRONG_TYPE: 'storagepriors' must be an array
            {'keyid':'k','keytypeprios':[PRIO],'storageprios':['OS'],'storagepriors':5} | accepted
            {'keyid':'k','keytypeprios':[PRIO],'storageprios':['OS','NFC'],'certreq':5} | INVALID_FIELD: 'storageprios' values must be YUBI, OS, APP or TPM
            {'keyid':'k','keytypeprios':[PRIO],'storagepriors':[5]}                  | INVALID_FIELD: 'storageprios' values must be YUBI, OS, APP or TPM
            {'keyid':'k','keytypeprios':[PRIO],'storageprios':[],'certreq':5}        | WRONG_TYPE: 'certreq' must be a string
            {'keyid':'k','keytypeprios':[PRIO],'certreq':'abc','usage':5}            | INVALID_FIELD: 'certreq' of k is not a PKCS#10 request
            {'keyid':'k','keytypeprios':[PRIO],'usage':5,'keystate':5}               | WRONG_TYPE: 'usage' must be a string
            {'keyid':'k','keytypeprios':[PRIO],'keystate':5}                         | WRONG_TYPE: 'keystate' must be a string
            {'keyid':'k','keytypeprios':[PRIO]},{'keyid':5}                          | WRONG_TYPE: 'keyid' must be a string
            {'keyid':'k','keytypeprios':[PRIO]},{'keyid':'k','keytypeprios':[PRIO]}  | INVALID_FIELD: keyid 'k' appears twice
            {'keyid':'k','keytypeprios':[PRIO]},{'keyid':'k','keytypeprios':[]}      | INVALID_FIELD: 'keytypeprios' is empty for k
            """)
    void answersAKeyRequestsFirstFaultAsBefore(String keyGenRequests, String expected) {
        String command = requests(keyGenRequests.replace("PRIO", PRIO));
        assertEquals(expected, answer(command), command);
    }
}
