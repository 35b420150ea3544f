package org.ratatosk.provisioning.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ratatosk.platform.Bodies;
import org.ratatosk.platform.InvalidInput;

/**
 * The parts of a {@code provCommand} that the answer is checked against. Reading it also
 * validates a submitted command's shape, read as {@link ProvisioningBodies}.
 */
public record ProvisioningRequest(String nonce, String userId, String name, String serverName,
                                  String responseFormat, List<KeyGenRequest> keyRequests) {

    public record KeyTypePrio(String keyType, int keyLength, String mechanism) {
    }

    public record KeyGenRequest(String keyId, String usage, String keyState, List<KeyTypePrio> keyTypePrios,
                                String certReq) {
    }

    public static ProvisioningRequest from(JsonObject provCommand) {
        ProvisioningBodies.Command command = Bodies.bind(provCommand, ProvisioningBodies.Command.class);
        ProvisioningBodies.Profile profile = Bodies.bind(command.profile(), ProvisioningBodies.Profile.class);
        List<KeyGenRequest> keyRequests = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        for (JsonValue value : Optional.ofNullable(profile.keygenrequests()).orElse(JsonValue.EMPTY_JSON_ARRAY)) {
            ProvisioningBodies.KeyGen request = ProvisioningBodies.KeyGen.of(value);
            if (!keyIds.add(request.keyid())) {
                throw InvalidInput.field("keyid '" + request.keyid() + "' appears twice");
            }
            List<KeyTypePrio> keyTypes = request.keyTypes().stream()
                    .map(t -> new KeyTypePrio(t.algorithm(), bits(t.keylength()), t.responsemechanism()))
                    .toList();
            keyRequests.add(new KeyGenRequest(request.keyid(), request.usage(), request.keystate(), keyTypes, request.certreq()));
        }
        String format = Optional.ofNullable(command.responseformat()).orElse("jws");
        return new ProvisioningRequest(command.nonce(), command.userid(), profile.name(), profile.servername(),
                format, List.copyOf(keyRequests));
    }

    /**
     * A key length as a device's key is matched against it. A length beyond an int is no key's
     * length: it is held at the int's bound, which no key has, rather than wrapped round onto one
     * that a key has (4294969344 is not 2048).
     */
    static int bits(long length) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, length));
    }
}
