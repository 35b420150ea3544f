package org.ratatosk.messaging.control;

import static org.ratatosk.messaging.control.CommandBodies.namedProfile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.logging.Logger;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.provisioning.control.Profiles;

/**
 * A delete goes to the one profile it names; once the device confirms a confirmed delete, the
 * profile is removed and its mailbox closed.
 */
@ApplicationScoped
public class DeleteRules implements CommandRules {

    private static final Logger LOG = Logger.getLogger(DeleteRules.class.getName());

    @Inject
    Profiles profiles;

    @Inject
    Mailboxes mailboxes;

    @Override
    public CommandType type() {
        return CommandType.DELETE;
    }

    @Override
    public void checkOwnFields(JsonObject body) {
        Bodies.bind(body, Fields.class);
    }

    /** The profile to delete, and whether the device's OK removes it here too. */
    public record Fields(
            @NotNull(message = "'profileid' is required")
            @Size(min = 1, max = CommandBodies.MAX_ID, message = CommandBodies.PROFILE_ID_RULE) String profileid,
            Boolean confirmed) {
    }

    @Override
    public List<Target> targets(ApiClient client, JsonObject body, List<Target> addressed) {
        return namedProfile(body, addressed);
    }

    @Override
    public void completed(Command command, MailboxMessage message) {
        if (message.profileId() != null && CommandBodies.confirmedDelete(JsonBodies.parseStored(command.body()))) {
            String bid = profiles.delete(message.profileId());
            mailboxes.delete(bid);
            LOG.info("Command " + command.id() + ": profile " + message.profileId() + " deleted, mailbox " + bid + " closed");
        }
    }
}
