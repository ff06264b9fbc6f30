package org.encounter.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.encounter.base.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's signing key. A keystore is configured by setting; in the default run a key is
 * generated on first start and kept (outside the repository, beside the embedded database data), readable
 * by its owner only.
 */
@Component
class CertificateSigner {

    private static final Logger log = LoggerFactory.getLogger(CertificateSigner.class);
    private static final String ALIAS = "encounter";

    private final PrivateKey key;
    private final X509Certificate certificate;

    CertificateSigner(@Value("${encounter.certificates.keystore}") String path,
                      @Value("${encounter.certificates.keystore-password}") String password, java.time.Clock clock) {
        char[] secret = password.toCharArray();
        try {
            Path file = Path.of(path);
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                OwnerOnlyFiles.restrict(file);
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, secret);
                }
            } else {
                store.load(null, secret);
                KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
                X509Certificate self = selfSigned(pair, clock.instant());
                store.setKeyEntry(ALIAS, pair.getPrivate(), secret, new java.security.cert.Certificate[] {self});
                Path directory = file.toAbsolutePath().getParent();
                if (!Files.isDirectory(directory)) {
                    Files.createDirectories(directory);
                    OwnerOnlyFiles.restrictDirectory(directory);
                }
                try (OutputStream out = Files.newOutputStream(OwnerOnlyFiles.create(file))) {
                    store.store(out, secret);
                }
                log.info("Generated the certificate signing key in {}", file.toAbsolutePath());
            }
            this.key = (PrivateKey) store.getKey(ALIAS, secret);
            this.certificate = (X509Certificate) store.getCertificate(ALIAS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not load or create the certificate signing key", e);
        }
    }

    /** A detached CMS (PKCS#7) signature of the content, with the signing certificate. */
    byte[] sign(InputStream content) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key);
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).build(signer, certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (OperatorCreationException | CMSException | GeneralSecurityException e) {
            throw new IOException("signing failed", e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    private static X509Certificate selfSigned(KeyPair pair, Instant now)
            throws OperatorCreationException, GeneralSecurityException {
        X500Name name = new X500Name("CN=Encounter certificates, O=Encounter");
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                pair.getPublic());
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
