// Stands in for the @aws-sdk/client-dynamodb package index inside the Lambda bundles (the `--alias` of
// infra/desk-function.ts). A bundle with a dynamic import() wraps every module the route modules reach (esbuild's
// lazy `__esm` init), and a wrapped index initialises everything it re-exports: all 60-odd commands, the waiters,
// the paginators and their schemas (+44 KB). This file re-exports only what the bundles use, from the package's own
// ESM files: the client, the commands @aws-sdk/lib-dynamodb wraps, and the exception classes. esbuild fails the build
// if an import names something missing here. Plain JavaScript: the package ships no types for these deep paths.

export { BatchExecuteStatementCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/BatchExecuteStatementCommand.js";
export { BatchGetItemCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/BatchGetItemCommand.js";
export { BatchWriteItemCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/BatchWriteItemCommand.js";
export { DeleteItemCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/DeleteItemCommand.js";
export { DescribeExportCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/DescribeExportCommand.js";
export { ExecuteStatementCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/ExecuteStatementCommand.js";
export { ExecuteTransactionCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/ExecuteTransactionCommand.js";
export { ExportTableToPointInTimeCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/ExportTableToPointInTimeCommand.js";
export { GetItemCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/GetItemCommand.js";
export { PutItemCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/PutItemCommand.js";
export { QueryCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/QueryCommand.js";
export { ScanCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/ScanCommand.js";
export { SearchVectorsCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/SearchVectorsCommand.js";
export { TransactGetItemsCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/TransactGetItemsCommand.js";
export { TransactWriteItemsCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/TransactWriteItemsCommand.js";
export { UpdateItemCommand } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/commands/UpdateItemCommand.js";
export { DynamoDBClient } from "../node_modules/@aws-sdk/client-dynamodb/dist-es/DynamoDBClient.js";
export * from "../node_modules/@aws-sdk/client-dynamodb/dist-es/models/errors.js";
