/**
 * The request reached AFIP (or may have) but no usable answer came back: timeout, reset,
 * HTTP 5xx without a SOAP body. For FECAESolicitar the outcome is UNKNOWN: recover, never re-send blind.
 */
export class AfipTransportError extends Error {
  readonly kind: "TIMEOUT" | "NETWORK" | "HTTP";
  readonly status?: number;
  constructor(kind: AfipTransportError["kind"], message: string, status?: number) {
    super(message);
    this.name = "AfipTransportError";
    this.kind = kind;
    this.status = status;
  }
}

/** A SOAP fault (WSAA reports its errors this way: coe.alreadyAuthenticated, cms.sign.invalid…). */
export class AfipSoapFault extends Error {
  readonly faultCode: string;
  readonly faultString: string;
  constructor(faultCode: string, faultString: string) {
    super(`${faultCode}: ${faultString}`);
    this.name = "AfipSoapFault";
    this.faultCode = faultCode;
    this.faultString = faultString;
  }
}
