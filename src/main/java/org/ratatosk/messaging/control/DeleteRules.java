package org.ratatosk.messaging.control;

import static org.ratatosk.messaging.control.CommandBodies.namedProfile;
import static org.ratatosk.messaging.control.CommandBodies.requiredId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.logging.Logger;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.messaging.entity.MailboxMessage;
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
        requiredId(body, "profileid");
        JsonBodies.optionalBoolean(body, "confirmed");
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
