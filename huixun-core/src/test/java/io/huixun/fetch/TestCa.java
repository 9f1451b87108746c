package io.huixun.fetch;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one test run (EC P-256, so generation is fast), and server certificates it
 * signs: for an IP or a DNS name, valid now or expired. Nothing touches disk or the JDK's trust store.
 */
final class TestCa {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    final X509Certificate certificate;
    private final KeyPair keys;
    private final X500Name name;

    TestCa(String commonName) throws GeneralSecurityException {
        keys = newKeys();
        name = new X500Name("CN=" + commonName);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name,
                keys.getPublic());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (org.bouncycastle.cert.CertIOException e) {
            throw new GeneralSecurityException(e);
        }
        certificate = sign(b, keys);
    }

    /**
     * A key store (PKCS12, password "test") holding a server key and its certificate for {@code subjectAltName}
     * (an IP literal or a DNS name), valid from {@code notBefore} to {@code notAfter}.
     */
    KeyStore serverKeyStore(String subjectAltName, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        KeyPair server = newKeys();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore),
                Date.from(notAfter), new X500Name("CN=" + subjectAltName), server.getPublic());
        boolean ip = subjectAltName.matches("[0-9.]+") || subjectAltName.contains(":");
        try {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(
                    ip ? GeneralName.iPAddress : GeneralName.dNSName, subjectAltName)));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        } catch (org.bouncycastle.cert.CertIOException e) {
            throw new GeneralSecurityException(e);
        }
        X509Certificate cert = sign(b, keys);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        ks.setKeyEntry("server", server.getPrivate(), "test".toCharArray(),
                new java.security.cert.Certificate[] {cert, certificate});
        return ks;
    }

    /** A certificate valid for a day around now. */
    KeyStore serverKeyStore(String subjectAltName) throws GeneralSecurityException {
        Instant now = Instant.now();
        return serverKeyStore(subjectAltName, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    }

    static boolean isIp(String s) {
        try {
            return s.matches("[0-9.:a-fA-F]+") && InetAddress.getByName(s) != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuer) throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }
}
