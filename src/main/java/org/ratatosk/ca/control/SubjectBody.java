package org.ratatosk.ca.control;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.InvalidInput;

/**
 * The fields of a subject as they are written, in the order of the name, most general first. A
 * blank field is left out of the name, so only a field with text is held to its length and form.
 */
public record SubjectBody(String country, String state, String stateOrProvinceName, String locality, String organization,
                          String organizationName, String organizationUnit, String organizationUnitName, String title,
                          String surname, String givenName, String serialNumber, String commonName, String email)
        implements Bodies.Checked {

    @Override
    public void check(String component) {
        String value = values().get(component);
        if (value != null && !value.isBlank()
                && (value.length() > 256 || ("country".equals(component) && !value.matches("[A-Za-z]{2}")))) {
            throw InvalidInput.field("'" + component + "' is not a valid value");
        }
    }

    /** Each field by its name, in the order of the record. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("country", country);
        values.put("state", state);
        values.put("stateOrProvinceName", stateOrProvinceName);
        values.put("locality", locality);
        values.put("organization", organization);
        values.put("organizationName", organizationName);
        values.put("organizationUnit", organizationUnit);
        values.put("organizationUnitName", organizationUnitName);
        values.put("title", title);
        values.put("surname", surname);
        values.put("givenName", givenName);
        values.put("serialNumber", serialNumber);
        values.put("commonName", commonName);
        values.put("email", email);
        return values;
    }
}
