// The letter templates: each with its kind and, per UN language, whether its variant exists and is reviewed.
import { deskDay } from "../../../../shared/zoned-time.ts";
import { href } from "../../router.ts";
import { ListTable } from "../../ui/list-table.tsx";
import { Show, useLoad } from "../../ui/load.tsx";
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
          <ListTable
            label="Letter templates"
            rows={list}
            keyOf={(template) => template.id}
            columns={[
              {
                header: "Template",
                cell: (template) => (
                  <>
                    <a href={href.template(template.id)}>{template.id}</a>
                    {template.description && <div class="muted">{template.description}</div>}
                  </>
                ),
              },
              { header: "Letter", cell: (template) => template.kind },
              { header: "Languages", cell: (template) => languagesOf(template) },
              {
                header: "Fallback",
                cell: (template) => (template.fallbackLanguage ? LANGUAGES[template.fallbackLanguage].name : "none"),
              },
              {
                header: "Changed",
                cell: (template) => <time dateTime={template.updatedAt}>{deskDay(template.updatedAt)}</time>,
              },
            ]}
          />
        )}
      </Show>
    </>
  );
}
