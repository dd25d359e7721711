// The letter templates: each with its kind and, per UN language, whether its variant exists and is reviewed.
import { href } from "../../router.ts";
import { Show, useLoad } from "../../ui/load.tsx";
import { ScrollTable } from "../../ui/scroll-table.tsx";
import { listTemplates, type Template } from "./data.ts";
import { LANGUAGE_ORDER, LANGUAGES } from "./languages.ts";

function languagesOf(template: Template): string {
  return LANGUAGE_ORDER.map((language) => {
    const variant = template.variants[language];
    if (!variant) return undefined;
    return variant.reviewed === false ? `${LANGUAGES[language].name} (not reviewed)` : LANGUAGES[language].name;
  })
    .filter(Boolean)
    .join(", ");
}

export function Templates() {
  const [templates] = useLoad(listTemplates, "templates");
  return (
    <>
      <h1>Letter templates</h1>
      <p>
        <a href={href.waves()}>Waves</a>: the letters sent with these templates.
      </p>
      <Show what={templates}>
        {(list) => (
          <ScrollTable label="Letter templates">
            <table>
              <caption class="visually-hidden">Letter templates</caption>
              <thead>
                <tr>
                  <th scope="col">Template</th>
                  <th scope="col">Letter</th>
                  <th scope="col">Languages</th>
                  <th scope="col">Fallback</th>
                  <th scope="col">Changed</th>
                </tr>
              </thead>
              <tbody>
                {list.map((template) => (
                  <tr key={template.id}>
                    <td>
                      <a href={href.template(template.id)}>{template.id}</a>
                      {template.description && <div class="muted">{template.description}</div>}
                    </td>
                    <td>{template.kind}</td>
                    <td>{languagesOf(template)}</td>
                    <td>{template.fallbackLanguage ? LANGUAGES[template.fallbackLanguage].name : "none"}</td>
                    <td>
                      <time dateTime={template.updatedAt}>{template.updatedAt.slice(0, 10)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Show>
    </>
  );
}
