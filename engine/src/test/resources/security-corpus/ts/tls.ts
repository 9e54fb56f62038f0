import * as tls from "tls";

export const options: tls.ConnectionOptions = {
  host: "internal.example.org",
  checkServerIdentity: () => undefined, // expect: CDS-SEC-031
};
