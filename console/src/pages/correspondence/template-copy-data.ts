// Creating a letter template (POST /templates, secretariat): the template page's copy under a new id. The API's
// refusals come back as ProblemError for the form that sent it.
import { api, dataOf, type Schemas } from "../../api/client.ts";
import type { Template } from "./data.ts";

export async function createTemplate(body: Schemas["NewTemplate"]): Promise<Template> {
  return dataOf(await api.POST("/templates", { body }));
}
