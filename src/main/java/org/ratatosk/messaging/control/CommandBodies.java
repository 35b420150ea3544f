package org.ratatosk.messaging.control;

import jakarta.json.JsonObject;
import java.util.List;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Refused;

/** The checks that the bodies of several command types share; each type's own are in its {@link CommandRules}. */
public final class CommandBodies {

    static final int MAX_ID = 128;
    static final String PROFILE_ID_RULE = "'profileid' must be 1 to " + MAX_ID + " characters";
    static final String SMARTCARD_ID_RULE = "'smartcardid' must be 1 to " + MAX_ID + " characters";

    private CommandBodies() {
    }

    /** Whether a confirmed delete: the device's OK then removes the profile and its mailbox. */
    public static boolean confirmedDelete(JsonObject deleteCommand) {
        return JsonBodies.optionalBoolean(deleteCommand, "confirmed").orElse(false);
    }

    /** Only the profile the body names (its {@code profileid}, if any), which must be among the addressed. */
    static List<Target> namedProfile(JsonObject body, List<Target> targets) {
        String profileId = Bodies.bind(body, Addressing.NamedProfile.class).profileid();
        List<Target> chosen = profileId == null ? targets
                : targets.stream().filter(t -> t.profileId().equals(profileId)).toList();
        if (chosen.isEmpty()) {
            throw new Refused(ErrorCode.UNKNOWN_RECIPIENT, "Profile " + profileId + " is not among the addressed profiles");
        }
        return chosen;
    }
}
