import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Certificate {
  key: string;
  cert: string;
  /** The certificate's file, for clients to trust (it is its own CA). */
  certPath: string;
  /** Temporary directory holding both files; remove it when the server stops. */
  directory: string;
}

function runOpenssl(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile("openssl", args, (err, _stdout, stderr) => {
      if (!err) return resolve();
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        return reject(
          new Error("the HCP emulator needs the openssl command-line tool to make its TLS certificate"),
        );
      }
      reject(
        new Error(`openssl could not make the HCP emulator certificate: ${stderr.trim() || err.message}`),
      );
    });
  });
}

/** A fresh self-signed certificate for <domain>, *.<domain> and 127.0.0.1, made with the openssl CLI. */
export async function makeSelfSignedCertificate(domain: string): Promise<Certificate> {
  const directory = await mkdtemp(join(tmpdir(), "hcp-emulator-"));
  const keyPath = join(directory, "key.pem");
  const certPath = join(directory, "cert.pem");
  const args = [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-days",
    "30",
    "-subj",
    `/CN=${domain}`,
    "-addext",
    `subjectAltName=DNS:${domain},DNS:*.${domain},IP:127.0.0.1`,
    "-keyout",
    keyPath,
    "-out",
    certPath,
  ];
  try {
    await runOpenssl(args);
  } catch (err) {
    await rm(directory, { recursive: true, force: true });
    throw err;
  }
  const [key, cert] = await Promise.all([readFile(keyPath, "utf8"), readFile(certPath, "utf8")]);
  return { key, cert, certPath, directory };
}
