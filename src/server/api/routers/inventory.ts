import "server-only";
import { z } from "zod";
import { permissionProcedure, router } from "../trpc";
import { ZProductInput } from "../../catalog/product-input";
import { createProduct } from "../../catalog/create-product";
import { updateProduct } from "../../catalog/update-product";
import { getProduct, ZGetProductResponse } from "../../catalog/get-product";
import { listProducts, ZListProductsInput, ZListProductsResponse } from "../../catalog/list-products";
import {
  listCategories,
  listFamilies,
  listPacks,
  listWarehouses,
  ZListCategoriesResponse,
  ZListFamiliesResponse,
  ZListPacksResponse,
  ZListWarehousesResponse,
} from "../../catalog/list-catalog";
import { createCategory, ZCategoryInput } from "../../catalog/create-category";
import { createFamily, ZFamilyInput } from "../../catalog/create-family";
import { createPack, ZPackInput } from "../../catalog/create-pack";
import { createWarehouse, ZWarehouseInput } from "../../catalog/create-warehouse";
import { setWarehouseActive, ZSetWarehouseActiveInput, ZSetWarehouseActiveResponse } from "../../catalog/set-warehouse-active";
import { updateCategory, ZUpdateCategoryInput, ZUpdateCategoryResponse } from "../../catalog/update-category";
import { updateFamily, ZUpdateFamilyInput, ZUpdateFamilyResponse } from "../../catalog/update-family";
import { removePack, updatePack, ZPackIdResponse, ZRemovePackInput, ZUpdatePackInput } from "../../catalog/update-pack";
import { renameWarehouse, ZRenameWarehouseInput, ZWarehouseIdResponse } from "../../catalog/update-warehouse";
import { receiveStock, ZReceiveStockInput, ZReceiveStockResponse } from "../../inventory/receive-stock";
import { consumeStock, ZConsumeStockInput } from "../../inventory/consume-stock";
import { exitStock, ZExitStockResponse } from "../../inventory/exit-stock";
import { transferStock, ZTransferStockInput, ZTransferStockResponse } from "../../inventory/transfer-stock";
import { listMovements, ZListMovementsInput, ZListMovementsResponse } from "../../inventory/list-movements";
import { valuateStock, ZValuateStockInput, ZValuateStockResponse } from "../../inventory/valuate-stock";
import { ZId, ZQuantity } from "../../inventory/ledger";
import { can } from "../../auth/permissions";
import { ZIdResponse } from "@/lib/schemas/responses";

// Thin: input schema, permission, one service call.
const actor = (ctx: { user: { id: string } }) => ({ userId: ctx.user.id });

export const inventoryRouter = router({
  products: permissionProcedure("catalog.read")
    .input(ZListProductsInput)
    .output(ZListProductsResponse)
    .query(({ ctx, input }) => listProducts(ctx.tx, input)),
  product: permissionProcedure("catalog.read")
    .input(z.object({ id: ZId }))
    .output(ZGetProductResponse)
    .query(({ ctx, input }) => getProduct(ctx.tx, input.id, { withCosts: can(ctx.role, "stock.read") })),
  createProduct: permissionProcedure("catalog.write")
    .input(ZProductInput)
    .output(ZIdResponse)
    .mutation(({ ctx, input }) => createProduct(ctx.tx, input, actor(ctx))),
  updateProduct: permissionProcedure("catalog.write")
    .input(z.object({ id: ZId, data: ZProductInput }))
    .output(ZIdResponse)
    .mutation(({ ctx, input }) => updateProduct(ctx.tx, input.id, input.data, actor(ctx))),

  categories: permissionProcedure("catalog.read").output(ZListCategoriesResponse).query(({ ctx }) => listCategories(ctx.tx).then((r) => [...r])),
  createCategory: permissionProcedure("catalog.write")
    .input(ZCategoryInput)
    .output(ZIdResponse)
    .mutation(({ ctx, input }) => createCategory(ctx.tx, input, actor(ctx))),
  families: permissionProcedure("catalog.read").output(ZListFamiliesResponse).query(({ ctx }) => listFamilies(ctx.tx).then((r) => [...r])),
  createFamily: permissionProcedure("catalog.write")
    .input(ZFamilyInput)
    .output(ZIdResponse)
    .mutation(({ ctx, input }) => createFamily(ctx.tx, input, actor(ctx))),
  packs: permissionProcedure("catalog.read").output(ZListPacksResponse).query(({ ctx }) => listPacks(ctx.tx).then((r) => [...r])),
  createPack: permissionProcedure("catalog.write")
    .input(ZPackInput)
    .output(ZIdResponse)
    .mutation(({ ctx, input }) => createPack(ctx.tx, input, actor(ctx))),
  warehouses: permissionProcedure("catalog.read").output(ZListWarehousesResponse).query(({ ctx }) => listWarehouses(ctx.tx).then((r) => [...r])),
  createWarehouse: permissionProcedure("catalog.write")
    .input(ZWarehouseInput)
    .output(ZIdResponse)
    .mutation(({ ctx, input }) => createWarehouse(ctx.tx, input, actor(ctx))),
  setWarehouseActive: permissionProcedure("catalog.write")
    .input(ZSetWarehouseActiveInput)
    .output(ZSetWarehouseActiveResponse)
    .mutation(({ ctx, input }) => setWarehouseActive(ctx.tx, input, actor(ctx))),
  // Catalog maintenance (issue 14): edit and (de)activate.
  updateCategory: permissionProcedure("catalog.write")
    .input(ZUpdateCategoryInput)
    .output(ZUpdateCategoryResponse)
    .mutation(({ ctx, input }) => updateCategory(ctx.tx, input, actor(ctx))),
  updateFamily: permissionProcedure("catalog.write")
    .input(ZUpdateFamilyInput)
    .output(ZUpdateFamilyResponse)
    .mutation(({ ctx, input }) => updateFamily(ctx.tx, input, actor(ctx))),
  updatePack: permissionProcedure("catalog.write")
    .input(ZUpdatePackInput)
    .output(ZPackIdResponse)
    .mutation(({ ctx, input }) => updatePack(ctx.tx, input, actor(ctx))),
  removePack: permissionProcedure("catalog.write")
    .input(ZRemovePackInput)
    .output(ZPackIdResponse)
    .mutation(({ ctx, input }) => removePack(ctx.tx, input, actor(ctx))),
  renameWarehouse: permissionProcedure("catalog.write")
    .input(ZRenameWarehouseInput)
    .output(ZWarehouseIdResponse)
    .mutation(({ ctx, input }) => renameWarehouse(ctx.tx, input, actor(ctx))),

  receive: permissionProcedure("stock.receive")
    .input(ZReceiveStockInput.omit({ movementType: true, sourceType: true, sourceId: true, receivedAt: true }))
    .output(ZReceiveStockResponse)
    .mutation(({ ctx, input }) => receiveStock(ctx.tx, { ...input, sourceType: "MANUAL" }, actor(ctx))),
  consume: permissionProcedure("stock.exit")
    .input(ZConsumeStockInput)
    .output(ZExitStockResponse)
    .mutation(({ ctx, input }) => consumeStock(ctx.tx, input, actor(ctx))),
  /** A manual exit (breakage, loss, gift) with a reason. */
  exit: permissionProcedure("stock.exit")
    .input(z.object({ productId: ZId, warehouseId: ZId, quantity: ZQuantity, reference: z.string().trim().min(3, "Indicá el motivo").max(120) }))
    .output(ZExitStockResponse)
    .mutation(({ ctx, input }) =>
      exitStock(ctx.tx, { ...input, movementType: "OUT", destinationType: "INTERNAL", sourceType: "MANUAL" }, actor(ctx)),
    ),
  transfer: permissionProcedure("stock.transfer")
    .input(ZTransferStockInput)
    .output(ZTransferStockResponse)
    .mutation(({ ctx, input }) => transferStock(ctx.tx, input, actor(ctx))),

  movements: permissionProcedure("movements.read")
    .input(ZListMovementsInput)
    .output(ZListMovementsResponse)
    .query(({ ctx, input }) => listMovements(ctx.tx, input)),
  valuation: permissionProcedure("reports.read")
    .input(ZValuateStockInput)
    .output(ZValuateStockResponse)
    .query(({ ctx, input }) => valuateStock(ctx.tx, input)),
});
