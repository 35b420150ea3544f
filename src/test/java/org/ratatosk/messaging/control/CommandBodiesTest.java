package org.ratatosk.messaging.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratatosk.devicesim.ProvisionCommands;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.platform.DomainException;

/** The shape checks of every command type's body: what passes and each way to be refused. */
class CommandBodiesTest {

    /** Every type's rules, as the container finds them; body checks need nothing injected. */
    static final CommandTypes RULES = CommandTypes.of(new ProvisionRules(), new CertificateRules(), new SignRules(),
            new AuthenticateRules(), new DeleteRules(), new PingRules(), new StartPinResetRules(), new EndPinResetRules());

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    static void accepted(CommandType type, String body) {
        assertDoesNotThrow(() -> RULES.of(type).check(json(body)), body);
    }

    static void refused(CommandType type, String body) {
        DomainException refused = assertThrows(DomainException.class, () -> RULES.of(type).check(json(body)), body);
        assertEquals(400, refused.code().status());
        // a missing or invalid field, or one of the wrong JSON type
        assertTrue(java.util.Set.of("INVALID_FIELD", "WRONG_TYPE").contains(refused.code().name()), refused.code().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{'deviceinfo':'true','profileinfo':'false'}",
            "{'deviceinfo':true,'profileinfo':true,'profileid':'p-1'}"})
    void pingAccepts(String body) {
        accepted(CommandType.PING, body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'deviceinfo':'yes'}",
            "{'profileinfo':1}",
            "{'profileid':''}",
            "{'profileid':5}"})
    void pingRefuses(String body) {
        refused(CommandType.PING, body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'profileid':'p'}",
            "{'profileid':'p','confirmed':'true','vscinfo':{'smartcardid':'p','adminkey':'0123456789abcdef0123456789abcdef0123456789abcdef'}}",
            "{'profileid':'p','confirmed':false}"})
    void deleteAccepts(String body) {
        accepted(CommandType.DELETE, body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{'confirmed':true}",
            "{'profileid':'p','confirmed':'perhaps'}",
            "{'profileid':'p','vscinfo':'smartcardid'}",
            "{'profileid':'p','vscinfo':{'smartcardid':1}}",
            "{'profileid':'p','vscinfo':{'oldadminkey':'0123'}}"})
    void deleteRefuses(String body) {
        refused(CommandType.DELETE, body);
    }

    @Test
    void pinResetChecksNonceSmartcardAndAdminKey() {
        accepted(CommandType.SPIN, "{'smartcardid':'card'}");
        accepted(CommandType.SPIN, "{}");
        refused(CommandType.SPIN, "{'smartcardid':7}");
        accepted(CommandType.EPIN, "{'encryptednonce':'abc','smartcardid':'card'}");
        accepted(CommandType.EPIN, "{'encryptednonce':'abc','newadminkey':'00112233445566778899aabbccddeeff0011223344556677'}");
        refused(CommandType.EPIN, "{'smartcardid':'card'}");
        refused(CommandType.EPIN, "{'encryptednonce':''}");
        refused(CommandType.EPIN, "{'encryptednonce':'abc','newadminkey':'00112233445566778899AABBCCDDEEFF0011223344556677'}");
        refused(CommandType.EPIN, "{'encryptednonce':'abc','newadminkey':'00112233445566778899aabbccddeeff001122334455667'}");
        refused(CommandType.EPIN, "{'encryptednonce':'abc','newadminkey':'00112233445566778899aabbccddeeff001122334455667g'}");
        refused(CommandType.EPIN, "{'encryptednonce':'" + "n".repeat(4097) + "'}");
    }

    @Test
    void provisionAndCertificateCarryValidDesktopFields() {
        JsonObject prov = ProvisionCommands.provision().build().getJsonObject("provCommand");
        JsonObject desktop = Json.createObjectBuilder(prov)
                .add("desktopKeyProtectionLevel", "CONSENT")
                .add("vscinfo", Json.createObjectBuilder().add("smartcardid", "card"))
                .add("desktopExtensions", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "singleprofile").add("data", "true"))
                        .add(Json.createObjectBuilder().add("key", "deletedisabled").add("data", true)))
                .build();
        assertDoesNotThrow(() -> RULES.of(CommandType.PROV).check(desktop));
        assertThrows(DomainException.class, () -> RULES.of(CommandType.PROV).check(
                Json.createObjectBuilder(desktop).add("desktopKeyProtectionLevel", "consent").build()));
        assertThrows(DomainException.class, () -> RULES.of(CommandType.PROV).check(
                Json.createObjectBuilder(desktop).add("desktopExtensions", Json.createArrayBuilder().add("singleprofile")).build()));
        accepted(CommandType.CERT, "{'profileid':'p','desktopKeyProtectionLevel':'BIOMETRICS','certificates':[]}");
        refused(CommandType.CERT, "{'profileid':'p','desktopKeyProtectionLevel':'ALWAYS'}");
        refused(CommandType.CERT, "{'profileid':'p','storageprios':['CLOUD']}");
    }

    @Test
    void signAndAuthenticateNeedParams() {
        accepted(CommandType.SIGN, "{'params':{'tbs':[{'data':'x'}]}}");
        accepted(CommandType.AUTH, "{'params':{'tbs':[{'data':'x'}],'format':'pkcs7'}}");
        refused(CommandType.SIGN, "{}");
        refused(CommandType.AUTH, "{'params':{'tbs':[]}}");
    }

    @ParameterizedTest
    @CsvSource({"true,true", "'true',true", "false,false", "'false',false", ",false"})
    void confirmedDeleteReadsBothSpellings(String confirmed, boolean expected) {
        String body = confirmed == null ? "{'profileid':'p'}" : "{'profileid':'p','confirmed':" + confirmed + "}";
        assertEquals(expected, CommandBodies.confirmedDelete(json(body)));
    }

    @Test
    void desktopFieldsAreCheckedAtAnyDepth() {
        assertThrows(DomainException.class, () -> DesktopFields.check(json("{'a':{'b':[{'storageprios':['OS','DISK']}]}}")));
        assertDoesNotThrow(() -> DesktopFields.check(json("{'a':{'b':[{'storageprios':['OS','YUBI','APP','TPM']}]}}")));
        String deep = "{'a':".repeat(12) + "{}" + "}".repeat(12);
        assertThrows(DomainException.class, () -> DesktopFields.check(json(deep)));
        StringBuilder many = new StringBuilder("{'desktopExtensions':[");
        for (int i = 0; i < 33; i++) {
            many.append(i == 0 ? "" : ",").append("{'key':'k").append(i).append("','data':'d'}");
        }
        assertThrows(DomainException.class, () -> DesktopFields.check(json(many + "]}")));
        assertTrue(DesktopFields.PROTECTION_LEVELS.contains("PASSWORD"));
        assertFalse(DesktopFields.STORAGE.contains("HSM"));
    }

    @Test
    void canonicalJsonIgnoresMemberOrderAndNumberSpelling() {
        assertEquals(CanonicalJson.of(json("{'a':1,'b':{'y':[1,2],'x':'s'}}")),
                CanonicalJson.of(json("{'b':{'x':'s','y':[1.0,2]},'a':1.00}")));
        assertFalse(CanonicalJson.of(json("{'a':[1,2]}")).equals(CanonicalJson.of(json("{'a':[2,1]}"))));
        assertFalse(CanonicalJson.of(json("{'a':'1'}")).equals(CanonicalJson.of(json("{'a':1}"))));
    }
}
