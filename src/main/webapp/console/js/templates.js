// Profile templates the desk offers: the profile part of a provisioning command (seed 000's shape).
// A site adds its own here; the server checks each command like any client's.

const key = (keyid, usage, keytypeprios) => ({ keyid, usage, keystate: 'ACTIVE', storageprios: ['APP'], keytypeprios });
const rsa = (bits, alg) => ({ keytype: 'RSA', keylength: String(bits), responsemechanism: alg });
const ec = bits => ({ keytype: 'EC', keylength: String(bits), responsemechanism: 'ES' + bits });

export const TEMPLATES = [
    { id: 'signing-rsa', label: 'Signing, RSA 2048', name: 'Signing', keys: [key('signer', 'SIG', [rsa(2048, 'RS256')])] },
    { id: 'signing-ec', label: 'Signing, EC P-256 (RSA fallback)', name: 'Signing', keys: [key('signer', 'SIG', [ec(256), rsa(2048, 'RS256')])] },
    { id: 'auth-and-sign', label: 'Authentication and signing', name: 'AuthSign',
        keys: [key('auth', 'AUTH', [rsa(2048, 'RS256')]), key('signer', 'SIG', [rsa(2048, 'RS256')])] }
];

/** A provisioning command body for user {@code userid} from template {@code id}. */
export function provisioning(id, userid, { lifespan = 600, timeout = 600, servername = location.hostname } = {}) {
    const template = TEMPLATES.find(t => t.id === id);
    const nonce = Array.from(crypto.getRandomValues(new Uint32Array(4)), n => String(n).padStart(10, '0')).join('');
    return {
        commandHeader: { to: ['@tmp'], lifespan, timeout },
        provCommand: {
            nonce, userid, responsesignaturekey: 'ATTESTATION', responseformat: 'jws',
            profile: { servername, name: template.name, keygenrequests: template.keys }
        }
    };
}
