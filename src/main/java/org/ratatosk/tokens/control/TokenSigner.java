package org.ratatosk.tokens.control;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/** A BouncyCastle content signer whose private key stays in the token. */
public final class TokenSigner implements ContentSigner {

    private final CryptoToken token;
    private final String label;
    private final String algorithm;
    private final AlgorithmIdentifier identifier;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream(1024);

    public TokenSigner(CryptoToken token, String label, String algorithm) {
        this.token = token;
        this.label = label;
        this.algorithm = algorithm;
        this.identifier = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return identifier;
    }

    @Override
    public OutputStream getOutputStream() {
        return data;
    }

    @Override
    public byte[] getSignature() {
        return token.sign(label, algorithm, data.toByteArray());
    }
}
