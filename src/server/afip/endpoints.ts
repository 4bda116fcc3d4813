// Official endpoints (PROTOCOL.md). FAKE points at the local fake AFIP (never in production).
export type AfipEnvironment = "HOMOLOGATION" | "PRODUCTION" | "FAKE";
export type AfipEndpoints = { wsaa: string; wsfe: string };

export const OFFICIAL_ENDPOINTS: Record<"HOMOLOGATION" | "PRODUCTION", AfipEndpoints> = {
  HOMOLOGATION: {
    wsaa: "https://wsaahomo.afip.gov.ar/ws/services/LoginCms",
    wsfe: "https://wswhomo.afip.gov.ar/wsfev1/service.asmx",
  },
  PRODUCTION: {
    wsaa: "https://wsaa.afip.gov.ar/ws/services/LoginCms",
    wsfe: "https://servicios1.afip.gov.ar/wsfev1/service.asmx",
  },
};

export const fakeEndpoints = (baseUrl: string): AfipEndpoints => ({
  wsaa: `${baseUrl.replace(/\/$/, "")}/ws/services/LoginCms`,
  wsfe: `${baseUrl.replace(/\/$/, "")}/wsfev1/service.asmx`,
});
