package org.ratatosk.tokens.control;

import java.security.PublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** A token whose signatures are timed for the metrics; everything else passes straight through. */
final class MeteredToken implements CryptoToken {

    private final CryptoToken token;
    private final Consumer<Duration> signed;

    MeteredToken(CryptoToken token, Consumer<Duration> signed) {
        this.token = token;
        this.signed = signed;
    }

    @Override
    public String kind() {
        return token.kind();
    }

    @Override
    public PublicKey generate(String label, KeySpec spec, boolean extractable) {
        return token.generate(label, spec, extractable);
    }

    @Override
    public Optional<PublicKey> publicKey(String label) {
        return token.publicKey(label);
    }

    @Override
    public byte[] sign(String label, String algorithm, byte[] data) {
        long start = System.nanoTime();
        byte[] signature = token.sign(label, algorithm, data);
        signed.accept(Duration.ofNanos(System.nanoTime() - start));
        return signature;
    }

    @Override
    public void generateSecret(String label, int bits, boolean extractable) {
        token.generateSecret(label, bits, extractable);
    }

    @Override
    public byte[] sign(String label, String algorithm, AlgorithmParameterSpec parameters, byte[] data) {
        long start = System.nanoTime();
        byte[] signature = token.sign(label, algorithm, parameters, data);
        signed.accept(Duration.ofNanos(System.nanoTime() - start));
        return signature;
    }

    @Override
    public byte[] signDeterministicEcdsa(String label, String digest, byte[] digestValue) {
        long start = System.nanoTime();
        byte[] signature = token.signDeterministicEcdsa(label, digest, digestValue);
        signed.accept(Duration.ofNanos(System.nanoTime() - start));
        return signature;
    }

    @Override
    public boolean signsDeterministicEcdsa() {
        return token.signsDeterministicEcdsa();
    }

    @Override
    public byte[] cipher(String label, String transformation, int mode, AlgorithmParameterSpec parameters, byte[] aad, byte[] data) {
        return token.cipher(label, transformation, mode, parameters, aad, data);
    }

    @Override
    public byte[] wrapKey(String wrappingLabel, String label, WrapMethod method) {
        return token.wrapKey(wrappingLabel, label, method);
    }

    @Override
    public int unwrapSecret(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label, boolean extractable) {
        return token.unwrapSecret(unwrappingLabel, wrapped, method, label, extractable);
    }

    @Override
    public PublicKey unwrapPrivate(String unwrappingLabel, byte[] wrapped, WrapMethod method, String label, boolean extractable) {
        return token.unwrapPrivate(unwrappingLabel, wrapped, method, label, extractable);
    }

    @Override
    public byte[] random(int length) {
        return token.random(length);
    }

    @Override
    public boolean privateKeyExtractable(String label) {
        return token.privateKeyExtractable(label);
    }

    @Override
    public boolean delete(String label) {
        return token.delete(label);
    }

    @Override
    public void check() {
        token.check();
    }

    @Override
    public void close() {
        token.close();
    }
}
