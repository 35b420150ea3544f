package org.ratatosk.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.ratatosk.clients.entity.ApiClient;
import org.ratatosk.messaging.entity.Command;
import org.ratatosk.messaging.entity.CommandType;
import org.ratatosk.messaging.entity.Mailbox;
import org.ratatosk.messaging.entity.MailboxMessage;
import org.ratatosk.platform.Config;
import org.ratatosk.platform.ErrorCode;
import org.ratatosk.platform.JsonBodies;
import org.ratatosk.platform.Jsons;
import org.ratatosk.provisioning.control.AnswerRejected;
import org.ratatosk.provisioning.control.Profiles;
import org.ratatosk.provisioning.control.ProvisioningAnswerValidator;
import org.ratatosk.provisioning.control.ProvisioningRequest;
import org.ratatosk.provisioning.control.ValidatedProvisioning;

/**
 * Provisioning creates a profile: the device fetches it with the profile's id and the permanent
 * mailbox it will use, and only an attested answer that matches the request stores the profile and
 * opens that mailbox.
 */
@ApplicationScoped
public class ProvisionRules implements CommandRules {

    @PersistenceContext
    EntityManager em;

    @Inject
    Config config;

    @Inject
    Envelopes envelopes;

    @Inject
    Profiles profiles;

    @Override
    public CommandType type() {
        return CommandType.PROV;
    }

    @Override
    public boolean provisions() {
        return true;
    }

    @Override
    public void checkOwnFields(JsonObject body) {
        ProvisioningRequest.from(body);
    }

    /** Adds the profile id and the permanent mailbox the device will use after provisioning. */
    @Override
    public JsonObject delivered(Command command, JsonObject provCommand) {
        Mailbox permanent = em.find(Mailbox.class, command.newMailboxId());
        JsonObjectBuilder profile = Jsons.createObjectBuilder(provCommand.getJsonObject("profile"))
                .add("id", command.newProfileId())
                .add("boxurl", config.mailboxUrl(permanent.bid()))
                .add("boxtoken", envelopes.token(permanent));
        return Jsons.createObjectBuilder(provCommand).add("profile", profile).build();
    }

    @Override
    public void checkAnswer(Command command, MailboxMessage message, JsonObject response, Instant now) throws AnswerRejected {
        ProvisioningRequest request = ProvisioningRequest.from(JsonBodies.parseStored(command.body()));
        String jws = resultData(response, "jws");
        ApiClient client = em.find(ApiClient.class, command.clientId());
        if (client == null) {
            throw new AnswerRejected(ErrorCode.CLIENT_GONE, "The API client of this command no longer exists");
        }
        ValidatedProvisioning validated = ProvisioningAnswerValidator.validate(jws, request, command.newProfileId(),
                config.mailboxUrl(command.newMailboxId()), client::trustsAttestationKey);
        profiles.store(command.id(), command.clientId(), command.newProfileId(), command.newMailboxId(), request, validated);
        em.find(Mailbox.class, command.newMailboxId()).activate();
    }

    /** {@code result.data} of an answer, which must be of the expected content type. */
    static String resultData(JsonObject response, String contentType) throws AnswerRejected {
        JsonValue result = response.get("result");
        if (!(result instanceof JsonObject object) || !(object.get("data") instanceof JsonString data)) {
            throw new AnswerRejected(ErrorCode.MALFORMED_ANSWER, "The answer has no result.data");
        }
        JsonValue type = object.get("contenttype");
        if (type instanceof JsonString string && !string.getString().equalsIgnoreCase(contentType)) {
            throw new AnswerRejected(ErrorCode.WRONG_FORMAT, "result.contenttype is '" + string.getString() + "', expected " + contentType);
        }
        return data.getString();
    }
}
