import forge from "node-forge";

// CMS/PKCS#7 SignedData for WSAA: content attached, signer certificate included, SHA-256 with RSA.

export function signCms(content: string, certPem: string, keyPem: string, signingTime = new Date()): string {
  const cert = forge.pki.certificateFromPem(certPem);
  const key = forge.pki.privateKeyFromPem(keyPem);
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(content, "utf8");
  p7.addCertificate(cert);
  p7.addSigner({
    key,
    certificate: cert,
    digestAlgorithm: forge.pki.oids.sha256!,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
      { type: forge.pki.oids.messageDigest! },
      { type: forge.pki.oids.signingTime!, value: signingTime as unknown as string },
    ],
  });
  p7.sign();
  return forge.util.encode64(forge.asn1.toDer(p7.toAsn1()).getBytes());
}

/** The bytes of eContent: [0] EXPLICIT OCTET STRING, primitive or constructed (chunked). */
function octets(node: forge.asn1.Asn1 | undefined): string {
  if (!node) return "";
  if (typeof node.value === "string") return node.value;
  return (node.value as forge.asn1.Asn1[]).map((n) => octets(n)).join("");
}

export type VerifiedCms = { content: string; signer: forge.pki.Certificate };

/**
 * Verify a base64 DER SignedData: the signer certificate is in the message, chains to `caPem`,
 * is within its validity, the messageDigest attribute matches the content and the RSA
 * signature over the DER SET of authenticated attributes verifies. Throws on any failure.
 */
export function verifyCms(b64: string, caPem: string, now = new Date()): VerifiedCms {
  const der = forge.util.decode64(b64);
  const msg = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(der)) as forge.pkcs7.PkcsSignedData & {
    rawCapture: { signerInfos?: forge.asn1.Asn1[]; content?: forge.asn1.Asn1 };
  };
  const content = octets(msg.rawCapture.content);
  if (!content) throw new Error("cms.content: no attached content");
  const signerInfo = msg.rawCapture.signerInfos?.[0];
  if (!signerInfo || !Array.isArray(signerInfo.value)) throw new Error("cms.sign: no signer");
  const parts = signerInfo.value as forge.asn1.Asn1[];
  const issuerAndSerial = parts[1]!.value as forge.asn1.Asn1[];
  const serialHex = forge.util.bytesToHex(issuerAndSerial[1]!.value as string);
  const signer = msg.certificates.find((c) => c.serialNumber.replace(/^0+/, "") === serialHex.replace(/^0+/, ""));
  if (!signer) throw new Error("cms.cert: signer certificate not included");
  const digestOid = forge.asn1.derToOid(((parts[2]!.value as forge.asn1.Asn1[])[0]!).value as string);
  if (digestOid !== forge.pki.oids.sha256 && digestOid !== forge.pki.oids.sha1) throw new Error("cms.digest: unsupported");
  const attrs = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const sigPart = parts.find((p) => p.tagClass === forge.asn1.Class.UNIVERSAL && p.type === forge.asn1.Type.OCTETSTRING);
  if (!attrs || !sigPart) throw new Error("cms.sign: no authenticated attributes");
  const md = () => (digestOid === forge.pki.oids.sha256 ? forge.md.sha256.create() : forge.md.sha1.create());
  // messageDigest attribute must equal digest(content).
  let digestAttr: string | undefined;
  for (const attr of attrs.value as forge.asn1.Asn1[]) {
    const [oid, set] = attr.value as forge.asn1.Asn1[];
    if (forge.asn1.derToOid(oid!.value as string) === forge.pki.oids.messageDigest) {
      digestAttr = ((set!.value as forge.asn1.Asn1[])[0]!).value as string;
    }
  }
  const contentDigest = md().update(content).digest().getBytes();
  if (digestAttr !== contentDigest) throw new Error("cms.digest: content digest mismatch");
  // Signature is over the attributes encoded as a SET (tag 0x31), not the [0] IMPLICIT tag.
  const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs.value as forge.asn1.Asn1[]);
  const signed = md().update(forge.asn1.toDer(set).getBytes());
  const ok = (signer.publicKey as forge.pki.rsa.PublicKey).verify(signed.digest().getBytes(), sigPart.value as string);
  if (!ok) throw new Error("cms.sign.invalid: signature does not verify");
  const ca = forge.pki.certificateFromPem(caPem);
  let trusted = false;
  try {
    trusted = ca.verify(signer);
  } catch {
    trusted = false;
  }
  if (!trusted) throw new Error("cms.cert.untrusted: certificate not issued by the trusted CA");
  if (now < signer.validity.notBefore || now > signer.validity.notAfter) throw new Error("cms.cert.expired");
  return { content: forge.util.decodeUtf8(content), signer };
}

/** The CUIT in a WSAA certificate's subject serialNumber ("CUIT 20123456786"). */
export function cuitFromCertificate(cert: forge.pki.Certificate): string | undefined {
  const sn = cert.subject.getField({ name: "serialNumber" }) ?? cert.subject.attributes.find((a) => a.type === "2.5.4.5");
  const v = sn?.value as string | undefined;
  return v?.replace(/\D/g, "") || undefined;
}
