/**
 * Digital signatures for the app's PDFs: open a PKCS#12 or a SAT e.firma,
 * show who is signing, sign (PAdES, incremental), verify.
 */
export { describeCertificate, type CertificateInfo } from './certificate-info'
export { assertCertificateUsable, describeSigner, loadEfirma, loadPkcs12, type SignerCredentials, type SignerDescription } from './credentials'
export { signPdf, type SignPdfOptions } from './sign-pdf'
export { verifyPdf, type SignatureReport, type TrustStatus, type VerifyOptions } from './verify-pdf'
