package org.ratatosk.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratatosk.keys.entity.KeyAttributes;
import org.ratatosk.platform.DomainException;

/**
 * The answers to a key's attributes as a request gives them, one case each, in the order they are
 * checked; a flag not given keeps its default, here the opposite of the one given where one is.
 */
class KeyAttributeAnswersTest {

    static final KeyAttributes DEFAULTS = new KeyAttributes(true, false, true, false, true, false, true, false);

    static String answer(String json) {
        try {
            KeyAttributes a = KeyJson.attributes(Json.createReader(new StringReader(json.replace('\'', '"'))).readObject(), DEFAULTS);
            return "decrypt=" + a.decrypt() + " sign=" + a.sign() + " unwrap=" + a.unwrap() + " derive=" + a.derive()
                    + " bip32=" + a.bip32() + " extractable=" + a.extractable() + " modifiable=" + a.modifiable()
                    + " destroyable=" + a.destroyable();
        } catch (DomainException e) {
            return e.code().name() + ": " + e.getMessage();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {}                                                  | decrypt=true sign=false unwrap=true derive=false bip32=true extractable=false modifiable=true destroyable=false
            {'decrypt':null,'sign':null}                        | decrypt=true sign=false unwrap=true derive=false bip32=true extractable=false modifiable=true destroyable=false
            {'decrypt':false,'sign':true,'unwrap':false,'derive':true,'bip32':false,'extractable':true,'modifiable':false,'destroyable':true} | decrypt=false sign=true unwrap=false derive=true bip32=false extractable=true modifiable=false destroyable=true
            {'decrypt':'false','sign':'true'}                   | decrypt=false sign=true unwrap=true derive=false bip32=true extractable=false modifiable=true destroyable=false
            {'decrypt':'FALSE'}                                 | WRONG_TYPE: 'decrypt' must be true or false
            {'decrypt':'yes'}                                   | WRONG_TYPE: 'decrypt' must be true or false
            {'decrypt':0}                                       | WRONG_TYPE: 'decrypt' must be true or false
            {'decrypt':1}                                       | WRONG_TYPE: 'decrypt' must be true or false
            {'decrypt':[]}                                      | WRONG_TYPE: 'decrypt' must be true or false
            {'decrypt':{}}                                      | WRONG_TYPE: 'decrypt' must be true or false
            {'decrypt':''}                                      | WRONG_TYPE: 'decrypt' must be true or false
            {'sign':5}                                          | WRONG_TYPE: 'sign' must be true or false
            {'unwrap':5}                                        | WRONG_TYPE: 'unwrap' must be true or false
            {'derive':5}                                        | WRONG_TYPE: 'derive' must be true or false
            {'bip32':5}                                         | WRONG_TYPE: 'bip32' must be true or false
            {'extractable':5}                                   | WRONG_TYPE: 'extractable' must be true or false
            {'modifiable':5}                                    | WRONG_TYPE: 'modifiable' must be true or false
            {'destroyable':5}                                   | WRONG_TYPE: 'destroyable' must be true or false
            {'destroyable':5,'decrypt':'x'}                     | WRONG_TYPE: 'decrypt' must be true or false
            {'modifiable':5,'extractable':[]}                   | WRONG_TYPE: 'extractable' must be true or false
            {'destroyable':5,'sign':false,'bip32':'no'}         | WRONG_TYPE: 'bip32' must be true or false
            {'decrypt':false,'unknown':5,'attributes':{'sign':1}} | decrypt=false sign=false unwrap=true derive=false bip32=true extractable=false modifiable=true destroyable=false
            {'Decrypt':5}                                       | decrypt=true sign=false unwrap=true derive=false bip32=true extractable=false modifiable=true destroyable=false
            """)
    void attributesAreAnsweredAsBefore(String json, String expected) {
        assertEquals(expected, answer(json), json);
    }
}
