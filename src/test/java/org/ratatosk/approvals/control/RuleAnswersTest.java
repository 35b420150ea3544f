package org.ratatosk.approvals.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ratatosk.platform.DomainException;

/** The first fault of an approval rule as given, code and message, in the order its parts are checked. */
class RuleAnswersTest {

    static String k0;
    static String k1;

    @BeforeAll
    static void approverKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        k0 = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        k1 = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }

    static String answer(String rule) {
        String json = rule.replace("K0", k0).replace("K1", k1).replace('\'', '"');
        try {
            Rule.parse(Json.createReader(new StringReader(json)).readValue(), "ruleUse");
            return "accepted";
        } catch (DomainException e) {
            return e.code().name() + ": " + e.getMessage();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            null                                                                  | accepted
            {}                                                                    | accepted
            {'tokens':null}                                                       | accepted
            5                                                                     | INVALID_POLICY: 'ruleUse' must be an object
            {'tokens':5}                                                          | WRONG_TYPE: 'tokens' must be an array
            {'tokens':[5]}                                                        | INVALID_POLICY: 'ruleUse.tokens[0]' must be an object
            {'tokens':[{}]}                                                       | INVALID_POLICY: 'ruleUse.tokens[0]' needs at least one group
            {'tokens':[{'timelock':'x','timeout':'y'}]}                           | WRONG_TYPE: 'timelock' must be a whole number
            {'tokens':[{'timelock':1,'timeout':[],'groups':5}]}                   | WRONG_TYPE: 'timeout' must be a whole number
            {'tokens':[{'timelock':60,'timeout':60,'groups':5}]}                  | INVALID_POLICY: 'ruleUse.tokens[0]' needs 0 <= timelock < timeout (seconds), or timeout 0 for none
            {'tokens':[{'timelock':-1,'groups':5}]}                               | INVALID_POLICY: 'ruleUse.tokens[0]' needs 0 <= timelock < timeout (seconds), or timeout 0 for none
            {'tokens':[{'timeout':3162240001,'groups':5}]}                        | INVALID_POLICY: 'ruleUse.tokens[0]' timelock and timeout may be at most 3162240000 seconds (100 years)
            {'tokens':[{'groups':5,'name':5}]}                                    | WRONG_TYPE: 'groups' must be an array
            {'tokens':[{'groups':[],'name':5}]}                                   | INVALID_POLICY: 'ruleUse.tokens[0]' needs at least one group
            {'tokens':[{'groups':[5],'name':5}]}                                  | INVALID_POLICY: 'ruleUse.tokens[0].groups[0]' must be an object
            {'tokens':[{'groups':[{}],'name':5}]}                                 | INVALID_POLICY: 'ruleUse.tokens[0].groups[0]' quorum must be between 1 and the number of approvals
            {'tokens':[{'groups':[{'approvals':5,'quorum':'x'}]}]}                | WRONG_TYPE: 'approvals' must be an array
            {'tokens':[{'groups':[{'approvals':[5],'quorum':'x'}]}]}              | INVALID_POLICY: 'ruleUse.tokens[0].groups[0].approvals[0]' must be an object
            {'tokens':[{'groups':[{'approvals':[{'type':5,'value':5}]}]}]}        | WRONG_TYPE: 'type' must be a string
            {'tokens':[{'groups':[{'approvals':[{'type':'x','value':5}]}]}]}      | WRONG_TYPE: 'value' must be a string
            {'tokens':[{'groups':[{'approvals':[{'type':'x','value':'K0'}]}]}]}   | INVALID_POLICY: 'ruleUse.tokens[0].groups[0].approvals[0]' type must be public_key or certificate
            {'tokens':[{'groups':[{'approvals':[{'value':'abc','name':5}]}]}]}    | INVALID_PUBLIC_KEY: 'ruleUse.tokens[0].groups[0].approvals[0]' is not a base64 SubjectPublicKeyInfo of an RSA, EC or Ed25519 key
            {'tokens':[{'groups':[{'approvals':[{'name':5}]}]}]}                  | INVALID_PUBLIC_KEY: 'ruleUse.tokens[0].groups[0].approvals[0]' is not a base64 SubjectPublicKeyInfo of an RSA, EC or Ed25519 key
            {'tokens':[{'groups':[{'approvals':[{'type':'certificate','value':'abc'}]}]}]} | INVALID_CERTIFICATE: 'ruleUse.tokens[0].groups[0].approvals[0]' is not a PEM or base64 DER X.509 certificate
            {'tokens':[{'groups':[{'approvals':[{'value':'K0','name':5}]}]}]}     | WRONG_TYPE: 'name' must be a string
            {'tokens':[{'groups':[{'approvals':[{'value':'K0'},{'value':'K0','name':5}]}]}]} | INVALID_POLICY: 'ruleUse.tokens[0].groups[0].approvals[1]' names an approver twice in the same group
            {'tokens':[{'groups':[{'approvals':[{'value':'K0'}],'quorum':'x','name':5}]}]}   | WRONG_TYPE: 'quorum' must be a whole number
            {'tokens':[{'groups':[{'approvals':[{'value':'K0'}],'quorum':2,'name':5}]}]}     | INVALID_POLICY: 'ruleUse.tokens[0].groups[0]' quorum must be between 1 and the number of approvals
            {'tokens':[{'groups':[{'approvals':[{'value':'K0'}],'quorum':0}]}]}              | INVALID_POLICY: 'ruleUse.tokens[0].groups[0]' quorum must be between 1 and the number of approvals
            {'tokens':[{'groups':[{'approvals':[{'value':'K0'}],'name':5}]}]}                | WRONG_TYPE: 'name' must be a string
            {'tokens':[{'groups':[{'approvals':[{'value':'K0'}]}],'name':5}]}                | WRONG_TYPE: 'name' must be a string
            {'tokens':[{'groups':[{'approvals':[{'value':'K0'}]}]},{'groups':[{'approvals':[{'value':'K1'}]},5]}]} | INVALID_POLICY: 'ruleUse.tokens[1].groups[1]' must be an object
            {'tokens':[{'name':null,'timelock':null,'timeout':null,'groups':[{'name':null,'quorum':null,'approvals':[{'type':null,'name':null,'value':'K0'}]}]}]} | accepted
            {'tokens':[{'timelock':'5','timeout':'0','groups':[{'quorum':'2','approvals':[{'value':'K0'},{'type':'public_key','value':'K1'}]}]}]} | accepted
            """)
    void answersTheFirstFaultAsBefore(String rule, String expected) {
        assertEquals(expected, answer(rule), rule);
    }

    @Test
    void readsEveryPart() {
        Rule rule = Rule.parse(Json.createReader(new StringReader(("{'tokens':[{'name':'T','timelock':'5','timeout':60,"
                + "'groups':[{'name':'G','quorum':2,'approvals':[{'name':'A','value':'" + k0 + "'},{'type':'public_key','value':'" + k1
                + "'}]}]}]}").replace('\'', '"'))).readValue(), "ruleUse");
        assertEquals(new Rule(java.util.List.of(new Rule.Token("T", 5, 60, java.util.List.of(new Rule.Group("G", 2, java.util.List.of(
                new Rule.Approver("A", k0, "public_key", k0), new Rule.Approver("", k1, "public_key", k1))))))), rule);
    }
}
