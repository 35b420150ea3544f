package org.ratatosk.ca.control;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.InvalidInput;

/** The subject of a certificate or request from Securosys {@code standardCertificateAttributes}. */
public final class SubjectNames {

    /** In the order the name is written, most general first, as {@link SubjectBody} has them. */
    private static final Map<String, ASN1ObjectIdentifier> ATTRIBUTES = new LinkedHashMap<>();

    static {
        ATTRIBUTES.put("country", BCStyle.C);
        ATTRIBUTES.put("state", BCStyle.ST);
        ATTRIBUTES.put("stateOrProvinceName", BCStyle.ST);
        ATTRIBUTES.put("locality", BCStyle.L);
        ATTRIBUTES.put("organization", BCStyle.O);
        ATTRIBUTES.put("organizationName", BCStyle.O);
        ATTRIBUTES.put("organizationUnit", BCStyle.OU);
        ATTRIBUTES.put("organizationUnitName", BCStyle.OU);
        ATTRIBUTES.put("title", BCStyle.T);
        ATTRIBUTES.put("surname", BCStyle.SURNAME);
        ATTRIBUTES.put("givenName", BCStyle.GIVENNAME);
        ATTRIBUTES.put("serialNumber", BCStyle.SERIALNUMBER);
        ATTRIBUTES.put("commonName", BCStyle.CN);
        ATTRIBUTES.put("email", BCStyle.E);
    }

    private SubjectNames() {
    }

    public static X500Name parse(JsonObject body) {
        // TSB's synchronous calls and its Go client give the name's fields at the top level.
        JsonObject attributes = body.containsKey("standardCertificateAttributes") || !body.containsKey("commonName")
                ? Bodies.bind(body, CertificateBodies.Attributes.class).standardCertificateAttributes() : body;
        Map<String, String> values = Bodies.bind(attributes, SubjectBody.class).values();
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        boolean any = false;
        for (var attribute : ATTRIBUTES.entrySet()) {
            String value = values.get(attribute.getKey());
            if (value == null || value.isBlank()) {
                continue;
            }
            name.addRDN(attribute.getValue(), value);
            any = true;
        }
        if (!any) {
            throw InvalidInput.field("'standardCertificateAttributes' needs at least a commonName");
        }
        return name.build();
    }
}
