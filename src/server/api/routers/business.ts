import "server-only";
import { permissionProcedure, router } from "../trpc";
import { getBusinessSettings, ZBusinessSettingsResponse } from "../../tenancy/get-business-settings";
import { saveBusinessSettings, ZSaveBusinessSettingsInput, ZSaveBusinessSettingsResponse } from "../../tenancy/save-business-settings";
import { getFirstSteps, ZFirstStepsResponse } from "../../tenancy/get-first-steps";
import { dismissFirstSteps, ZDismissFirstStepsResponse } from "../../tenancy/dismiss-first-steps";

// The business's own data and its first-steps checklist (issue 14 items 4 and 5).
export const businessRouter = router({
  settings: permissionProcedure("tenant.settings").output(ZBusinessSettingsResponse).query(({ ctx }) => getBusinessSettings(ctx.tx)),
  saveSettings: permissionProcedure("tenant.settings")
    .input(ZSaveBusinessSettingsInput)
    .output(ZSaveBusinessSettingsResponse)
    .mutation(({ ctx, input }) => saveBusinessSettings(ctx.tx, input)),
  firstSteps: permissionProcedure("tenant.settings").output(ZFirstStepsResponse).query(({ ctx }) => getFirstSteps(ctx.tx)),
  dismissFirstSteps: permissionProcedure("tenant.settings").output(ZDismissFirstStepsResponse).mutation(({ ctx }) => dismissFirstSteps(ctx.tx)),
});
