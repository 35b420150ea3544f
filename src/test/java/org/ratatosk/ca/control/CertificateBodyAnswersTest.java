package org.ratatosk.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratatosk.platform.DomainException;

/**
 * The answers to the fields of a certificate request, one case each, in the order they are
 * checked: the profile, the subject and the CSR. A message that ends in "..." lists known names,
 * whose order is not fixed, so only its start is held.
 */
class CertificateBodyAnswersTest {

    static final String LONG = "x".repeat(257);

    record Case(String body, String answer) {
        @Override
        public String toString() {
            return body.length() > 120 ? body.substring(0, 120) + "..." : body;
        }
    }

    static Case answer(String body, String answer) {
        return new Case(body.replace('\'', '"'), answer);
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static String outcome(Function<JsonObject, String> reader, String body) {
        try {
            return "ok " + reader.apply(json(body));
        } catch (DomainException e) {
            return e.code() + " " + e.getMessage();
        }
    }

    static void assertAnswer(Function<JsonObject, String> reader, Case c) {
        String actual = outcome(reader, c.body());
        if (c.answer().endsWith("...")) {
            assertTrue(actual.startsWith(c.answer().substring(0, c.answer().length() - 3)), actual);
        } else {
            assertEquals(c.answer(), actual);
        }
    }

    static String summary(CertificateProfile p) {
        return p.validity().toDays() + "d bits=" + p.keyUsageBits() + " eku=" + p.extendedKeyUsages() + " ca="
                + p.certificateAuthority() + " path=" + p.pathLength() + " alg=" + p.signatureAlgorithm();
    }

    static Stream<Case> profiles() {
        return Stream.of(
                answer("{}", "INVALID_FIELD 'validity' must be a number of days from 1 to 36500"),
                answer("{'validity':null}", "INVALID_FIELD 'validity' must be a number of days from 1 to 36500"),
                answer("{'validity':'30'}", "ok 30d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':' 30 '}", "ok 30d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':'x'}", "WRONG_TYPE 'validity' must be a whole number"),
                answer("{'validity':true}", "WRONG_TYPE 'validity' must be a whole number"),
                answer("{'validity':1.5}", "WRONG_TYPE 'validity' must be a whole number"),
                answer("{'validity':[1]}", "WRONG_TYPE 'validity' must be a whole number"),
                answer("{'validity':0}", "INVALID_FIELD 'validity' must be a number of days from 1 to 36500"),
                answer("{'validity':-1}", "INVALID_FIELD 'validity' must be a number of days from 1 to 36500"),
                answer("{'validity':36500}", "ok 36500d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':36501}", "INVALID_FIELD 'validity' must be a number of days from 1 to 36500"),
                answer("{'validity':99999999999999999999}", "NUMBER_OUT_OF_RANGE 'validity' is too large"),
                answer("{'validity':0,'keyUsage':5}", "INVALID_FIELD 'validity' must be a number of days from 1 to 36500"),
                answer("{'validity':'x','keyUsage':['FLY']}", "WRONG_TYPE 'validity' must be a whole number"),
                answer("{'validity':1,'keyUsage':5}", "WRONG_TYPE 'keyUsage' must be an array"),
                answer("{'validity':1,'keyUsage':{}}", "WRONG_TYPE 'keyUsage' must be an array"),
                answer("{'validity':1,'keyUsage':null}", "ok 1d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':1,'keyUsage':[]}", "ok 1d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':1,'keyUsage':[5]}", "INVALID_FIELD 'keyUsage' must be an array of strings"),
                answer("{'validity':1,'keyUsage':[null]}", "INVALID_FIELD 'keyUsage' must be an array of strings"),
                answer("{'validity':1,'keyUsage':['FLY',5]}", "INVALID_FIELD 'keyUsage' must be an array of strings"),
                answer("{'validity':1,'keyUsage':['FLY']}", "INVALID_FIELD Unknown keyUsage 'FLY'; known:..."),
                answer("{'validity':1,'keyUsage':['']}", "INVALID_FIELD Unknown keyUsage ''; known:..."),
                answer("{'validity':1,'keyUsage':['digital_signature','KEY_CERT_SIGN','CONTENT_COMMITMENT']}", "ok 1d bits=196 eku=[] ca=false path=null alg=null"),
                answer("{'validity':1,'keyUsage':['FLY'],'extendedKeyUsage':5}", "INVALID_FIELD Unknown keyUsage 'FLY'; known:..."),
                answer("{'validity':1,'keyUsage':5,'extendedKeyUsage':['nope']}", "WRONG_TYPE 'keyUsage' must be an array"),
                answer("{'validity':1,'extendedKeyUsage':'x'}", "WRONG_TYPE 'extendedKeyUsage' must be an array"),
                answer("{'validity':1,'extendedKeyUsage':[1]}", "INVALID_FIELD 'extendedKeyUsage' must be an array of strings"),
                answer("{'validity':1,'extendedKeyUsage':['nope']}", "INVALID_FIELD Unknown extendedKeyUsage 'nope'; known:..."),
                answer("{'validity':1,'extendedKeyUsage':['3.1']}", "INVALID_FIELD Unknown extendedKeyUsage '3.1'; known:..."),
                answer("{'validity':1,'extendedKeyUsage':['server_auth','1.2.3','1.2.3','SERVER_AUTH']}", "ok 1d bits=0 eku=[1.3.6.1.5.5.7.3.1, 1.2.3] ca=false path=null alg=null"),
                answer("{'validity':1,'certificateAuthority':'yes'}", "WRONG_TYPE 'certificateAuthority' must be true or false"),
                answer("{'validity':1,'certificateAuthority':1}", "WRONG_TYPE 'certificateAuthority' must be true or false"),
                answer("{'validity':1,'certificateAuthority':'true'}", "ok 1d bits=0 eku=[] ca=true path=null alg=null"),
                answer("{'validity':1,'certificateAuthority':true}", "ok 1d bits=0 eku=[] ca=true path=null alg=null"),
                answer("{'validity':1,'certificateAuthority':null}", "ok 1d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':1,'basicConstraints':5}", "WRONG_TYPE 'basicConstraints' must be a JSON object"),
                answer("{'validity':1,'basicConstraints':[]}", "WRONG_TYPE 'basicConstraints' must be a JSON object"),
                answer("{'validity':1,'basicConstraints':null}", "ok 1d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':1,'basicConstraints':{}}", "ok 1d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':1,'basicConstraints':{'certificateAuthority':5}}", "WRONG_TYPE 'certificateAuthority' must be true or false"),
                answer("{'validity':1,'basicConstraints':{'pathLenConstraint':'x'}}", "WRONG_TYPE 'pathLenConstraint' must be a whole number"),
                answer("{'validity':1,'basicConstraints':{'pathLenConstraint':17}}", "INVALID_FIELD 'pathLenConstraint' must be between 0 and 16"),
                answer("{'validity':1,'basicConstraints':{'pathLenConstraint':-1}}", "INVALID_FIELD 'pathLenConstraint' must be between 0 and 16"),
                answer("{'validity':1,'basicConstraints':{'pathLenConstraint':99999999999999999999}}", "NUMBER_OUT_OF_RANGE 'pathLenConstraint' is too large"),
                answer("{'validity':1,'basicConstraints':{'certificateAuthority':5,'pathLenConstraint':17}}", "WRONG_TYPE 'certificateAuthority' must be true or false"),
                answer("{'validity':1,'basicConstraints':{'pathLenConstraint':17},'signatureAlgorithm':5}", "INVALID_FIELD 'pathLenConstraint' must be between 0 and 16"),
                answer("{'validity':1,'basicConstraints':{'pathLenConstraint':3}}", "ok 1d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':1,'basicConstraints':{'certificateAuthority':true,'pathLenConstraint':'3','x':1}}", "ok 1d bits=0 eku=[] ca=true path=3 alg=null"),
                answer("{'validity':1,'basicConstraints':{'certificateAuthority':false,'pathLenConstraint':3}}", "ok 1d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':1,'certificateAuthority':true,'basicConstraints':{}}", "ok 1d bits=0 eku=[] ca=true path=null alg=null"),
                answer("{'validity':1,'certificateAuthority':true,'basicConstraints':{'certificateAuthority':false}}", "ok 1d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':1,'certificateAuthority':'x','basicConstraints':5}", "WRONG_TYPE 'certificateAuthority' must be true or false"),
                answer("{'validity':1,'signatureAlgorithm':5}", "WRONG_TYPE 'signatureAlgorithm' must be a string"),
                answer("{'validity':1,'signatureAlgorithm':null}", "ok 1d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':1,'signatureAlgorithm':''}", "INVALID_FIELD Unknown signatureAlgorithm ''; known:..."),
                answer("{'validity':1,'signatureAlgorithm':'MD5_WITH_RSA'}", "INVALID_FIELD Unknown signatureAlgorithm 'MD5_WITH_RSA'; known:..."),
                answer("{'validity':1,'signatureAlgorithm':'sha384_with_ecdsa'}", "ok 1d bits=0 eku=[] ca=false path=null alg=SHA384withECDSA"),
                answer("{'validity':1,'certificateAuthority':'x','signatureAlgorithm':5}", "WRONG_TYPE 'certificateAuthority' must be true or false"),
                answer("{'validity':0,'signatureAlgorithm':5}", "INVALID_FIELD 'validity' must be a number of days from 1 to 36500"),
                answer("{'validity':1,'unknown':5,'keyUsage':[]}", "ok 1d bits=0 eku=[] ca=false path=null alg=null"));
    }

    static Stream<Case> requestProfiles() {
        return Stream.of(
                answer("{}", "ok 365d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':null}", "ok 365d bits=0 eku=[] ca=false path=null alg=null"),
                answer("{'validity':0}", "INVALID_FIELD 'validity' must be a number of days from 1 to 36500"),
                answer("{'validity':'x'}", "WRONG_TYPE 'validity' must be a whole number"),
                answer("{'validity':7,'keyUsage':[1]}", "INVALID_FIELD 'keyUsage' must be an array of strings"),
                answer("{'signatureAlgorithm':'x','validity':36501}", "INVALID_FIELD 'validity' must be a number of days from 1 to 36500"));
    }

    static Stream<Case> subjects() {
        return Stream.of(
                answer("{}", "INVALID_FIELD 'standardCertificateAttributes' is required and must be a JSON object"),
                answer("{'standardCertificateAttributes':null}", "INVALID_FIELD 'standardCertificateAttributes' is required and must be a JSON object"),
                answer("{'standardCertificateAttributes':5}", "WRONG_TYPE 'standardCertificateAttributes' must be a JSON object"),
                answer("{'standardCertificateAttributes':[]}", "WRONG_TYPE 'standardCertificateAttributes' must be a JSON object"),
                answer("{'standardCertificateAttributes':'CN=x'}", "WRONG_TYPE 'standardCertificateAttributes' must be a JSON object"),
                answer("{'standardCertificateAttributes':{}}", "INVALID_FIELD 'standardCertificateAttributes' needs at least a commonName"),
                answer("{'commonName':'x'}", "ok CN=x"),
                answer("{'commonName':null}", "INVALID_FIELD 'standardCertificateAttributes' needs at least a commonName"),
                answer("{'commonName':5}", "WRONG_TYPE 'commonName' must be a string"),
                answer("{'commonName':'','country':'SE'}", "ok C=SE"),
                answer("{'commonName':'x','standardCertificateAttributes':null}", "INVALID_FIELD 'standardCertificateAttributes' is required and must be a JSON object"),
                answer("{'standardCertificateAttributes':{'commonName':'x'},'commonName':5}", "ok CN=x"),
                answer("{'standardCertificateAttributes':{'commonName':''}}", "INVALID_FIELD 'standardCertificateAttributes' needs at least a commonName"),
                answer("{'standardCertificateAttributes':{'commonName':'  '}}", "INVALID_FIELD 'standardCertificateAttributes' needs at least a commonName"),
                answer("{'standardCertificateAttributes':{'commonName':null,'surname':'s'}}", "ok SURNAME=s"),
                answer("{'standardCertificateAttributes':{'country':'Sweden','commonName':'x'}}", "INVALID_FIELD 'country' is not a valid value"),
                answer("{'standardCertificateAttributes':{'country':'S1','commonName':'x'}}", "INVALID_FIELD 'country' is not a valid value"),
                answer("{'standardCertificateAttributes':{'country':'SE','commonName':5}}", "WRONG_TYPE 'commonName' must be a string"),
                answer("{'standardCertificateAttributes':{'country':'Sweden','commonName':5}}", "INVALID_FIELD 'country' is not a valid value"),
                answer("{'standardCertificateAttributes':{'country':5,'commonName':'x'}}", "WRONG_TYPE 'country' must be a string"),
                answer("{'standardCertificateAttributes':{'country':' ','commonName':'x'}}", "ok CN=x"),
                answer("{'standardCertificateAttributes':{'country':'','commonName':'x'}}", "ok CN=x"),
                answer("{'standardCertificateAttributes':{'commonName':'" + LONG + "'}}", "INVALID_FIELD 'commonName' is not a valid value"),
                answer("{'standardCertificateAttributes':{'organization':'" + LONG + "','country':'S'}}", "INVALID_FIELD 'country' is not a valid value"),
                answer("{'standardCertificateAttributes':{'email':5,'commonName':'" + LONG + "'}}", "INVALID_FIELD 'commonName' is not a valid value"),
                answer("{'standardCertificateAttributes':{'title':true}}", "WRONG_TYPE 'title' must be a string"),
                answer("{'standardCertificateAttributes':{'commonName':'x','unknown':5}}", "ok CN=x"),
                answer("{'standardCertificateAttributes':{'commonName':'a','state':'b','stateOrProvinceName':'c','organizationUnitName':'d','title':'t','surname':'s','givenName':'g','serialNumber':'1','email':'e@x','locality':'l','organizationName':'o','organizationUnit':'u','organization':'o2','country':'se'}}", "ok C=se,ST=b,ST=c,L=l,O=o2,O=o,OU=u,OU=d,T=t,SURNAME=s,GIVENNAME=g,SERIALNUMBER=1,CN=a,E=e@x"));
    }

    static Stream<Case> csrs() {
        return Stream.of(
                answer("{}", "INVALID_FIELD 'csr' is required"),
                answer("{'csr':null}", "INVALID_FIELD 'csr' is required"),
                answer("{'csr':''}", "INVALID_FIELD 'csr' is required"),
                answer("{'csr':5}", "WRONG_TYPE 'csr' must be a string"),
                answer("{'csr':'abc'}", "ok abc"),
                answer("{'certificateSigningRequest':null,'csr':'abc'}", "INVALID_FIELD 'certificateSigningRequest' is required"),
                answer("{'certificateSigningRequest':'','csr':'abc'}", "INVALID_FIELD 'certificateSigningRequest' is required"),
                answer("{'certificateSigningRequest':5}", "WRONG_TYPE 'certificateSigningRequest' must be a string"),
                answer("{'certificateSigningRequest':'abc','csr':5}", "ok abc"),
                answer("{'certificateSigningRequest':['abc']}", "WRONG_TYPE 'certificateSigningRequest' must be a string"));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void aProfileThatNeedsValidityIsAnsweredAsBefore(Case c) {
        assertAnswer(body -> summary(CertificateProfile.parse(body, true)), c);
    }

    @ParameterizedTest
    @MethodSource("requestProfiles")
    void aProfileWithDefaultValidityIsAnsweredAsBefore(Case c) {
        assertAnswer(body -> summary(CertificateProfile.parse(body, false)), c);
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void aSubjectIsAnsweredAsBefore(Case c) {
        assertAnswer(body -> SubjectNames.parse(body).toString(), c);
    }

    @ParameterizedTest
    @MethodSource("csrs")
    void theCsrOfASignRequestIsAnsweredAsBefore(Case c) {
        assertAnswer(KeyOperations::csrOf, c);
    }
}
